import { App, type Environment, Validations } from 'aws-cdk-lib'
import { AwsSolutionsChecks } from 'cdk-nag'
import { PingceStack } from './pingce-stack'

export interface CreatePingceAppOptions {
  /** Context as `cdk.json` gives it to the CLI; tests pass the same so they check what deploys. */
  context?: Record<string, unknown>
  outdir?: string
  env?: Environment
  /** Run the cdk-nag AwsSolutions pack at synth (default true): findings fail the synth. */
  isNagEnabled?: boolean
}

/** Builds the CDK app: the Pingce stack, checked by cdk-nag's AwsSolutions rules. */
export function createPingceApp(options: CreatePingceAppOptions = {}): { app: App; stack: PingceStack } {
  const app = new App({
    ...(options.context ? { context: options.context } : {}),
    ...(options.outdir ? { outdir: options.outdir } : {}),
  })
  const origins = app.node.tryGetContext('pingce:allowedOrigins')
  const stack = new PingceStack(app, 'Pingce', {
    description:
      'Pingce 评测: government website performance evaluation (HTTP API, Lambda, DynamoDB, S3, Cognito)',
    ...(options.env ? { env: options.env } : {}),
    allowedOrigins: Array.isArray(origins) && origins.length > 0 ? origins.map(String) : ['*'],
  })
  if (options.isNagEnabled ?? true) {
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app))
  }
  return { app, stack }
}
