import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib'
import { type IRole, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda'
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs'
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs'
import { Construct } from 'constructs'
import { bundlingEnvironment } from '../shared/bundling-environment'
import { fromRepoRoot, repoRoot } from '../shared/paths'

export interface ApiFunctionProps {
  /** The variables `functions/api/src/config.ts` reads. */
  environment: Record<string, string>
  logRetention?: RetentionDays
}

/**
 * The API as one Lambda function: the Hono app of `functions/api/src/lambda.ts`, bundled by the
 * local esbuild into one minified ESM file. The AWS SDK v3 comes from the Node.js runtime.
 * Its role starts empty: logs and X-Ray are granted here, data access by the isolation constructs.
 */
export class ApiFunction extends Construct {
  readonly function: NodejsFunction
  readonly executionRole: IRole
  readonly logGroup: LogGroup

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id)
    this.logGroup = new LogGroup(this, 'LogGroup', {
      retention: props.logRetention ?? RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    })
    // An explicit role, so no AWS managed policy (AWSLambdaBasicExecutionRole) is attached.
    const role = new Role(this, 'ExecutionRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Pingce API function: platform items, Cognito admin, assumes the tenant-access role',
    })
    this.executionRole = role
    this.logGroup.grantWrite(role)

    this.function = new NodejsFunction(this, 'Function', {
      entry: fromRepoRoot('functions/api/src/lambda.ts'),
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: fromRepoRoot('pnpm-lock.yaml'),
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.seconds(29),
      tracing: Tracing.ACTIVE,
      role,
      logGroup: this.logGroup,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      bundling: {
        format: OutputFormat.ESM,
        minify: true,
        sourceMap: true,
        mainFields: ['module', 'main'],
        externalModules: ['@aws-sdk/*'],
        // ESM output: dependencies that still call require() need one.
        banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
        environment: bundlingEnvironment(),
        forceDockerBundling: false,
      },
    })

    // CDK adds the X-Ray write actions with Resource "*" for active tracing.
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions; added by CDK for active tracing.',
    })
  }
}
