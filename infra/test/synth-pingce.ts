import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type CfnElement, Stack } from 'aws-cdk-lib'
import { Template } from 'aws-cdk-lib/assertions'
import type { IConstruct } from 'constructs'
import { createPingceApp } from '../lib/pingce-app'
import type { PingceStack } from '../lib/pingce-stack'

/** A fixed environment: no credentials, no lookups. A commercial region where every service exists. */
export const testEnv = { account: '123456789012', region: 'ap-southeast-1' }

/** The context the CLI gets from `cdk.json`, so the tests check what `cdk deploy` would deploy. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
    context: Record<string, unknown>
  }
  return cdkJson.context
}

export interface SynthesizedPingce {
  stack: PingceStack
  template: Template
  outdir: string
}

/**
 * Synthesizes the app once: call it from `beforeAll`, with the context of `cdk.json` except two
 * costs a test that reads the template does without: bundling the Lambda code (unless `isBundling`;
 * the CDK's own `aws:cdk:bundling-stacks` switch) and the built-in CloudFormation rules engine of
 * `@aws-cdk/core:validateAgainstDefaultRules` (about 5 s a synth). `test/cdk-nag.test.ts`
 * synthesizes with the full `cdk.json` context, as `cdk synth` does.
 */
export function synthPingce(
  options: { isNagEnabled?: boolean; isBundling?: boolean } = {},
): SynthesizedPingce {
  const outdir = mkdtempSync(join(tmpdir(), 'pingce-cdk-'))
  const { stack } = createPingceApp({
    context: {
      ...cdkJsonContext(),
      '@aws-cdk/core:validateAgainstDefaultRules': false,
      ...(options.isBundling ? {} : { 'aws:cdk:bundling-stacks': [] }),
    },
    outdir,
    env: testEnv,
    isNagEnabled: options.isNagEnabled ?? false,
  })
  return { stack, template: Template.fromStack(stack), outdir }
}

/** The logical id of an L2 construct's CloudFormation resource. */
export function logicalIdOf(construct: IConstruct): string {
  return Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement)
}
