import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib'
import type { Construct } from 'constructs'
import { ApiFunction } from './api/api-function'
import { PingceHttpApi } from './api/pingce-http-api'
import { PingceTable } from './data/pingce-table'
import { PingceUserPool } from './identity/pingce-user-pool'
import { PlatformAccessPolicy } from './isolation/platform-access-policy'
import { TenantAccessRole } from './isolation/tenant-access-role'
import { ReportsBucket } from './storage/reports-bucket'

export interface PingceStackProps extends StackProps {
  /** CORS origins of the HTTP API. */
  allowedOrigins: string[]
  logLevel?: 'debug' | 'info' | 'warn' | 'error'
}

/** The whole product in one stack: data, storage, identity, the API, and tenant isolation by IAM. */
export class PingceStack extends Stack {
  readonly data: PingceTable
  readonly storage: ReportsBucket
  readonly identity: PingceUserPool
  readonly api: ApiFunction
  readonly tenantAccess: TenantAccessRole
  readonly platformAccess: PlatformAccessPolicy
  readonly http: PingceHttpApi

  constructor(scope: Construct, id: string, props: PingceStackProps) {
    super(scope, id, props)
    this.data = new PingceTable(this, 'Data')
    this.storage = new ReportsBucket(this, 'Storage')
    this.identity = new PingceUserPool(this, 'Identity')

    this.api = new ApiFunction(this, 'Api', {
      environment: {
        PINGCE_TABLE_NAME: this.data.table.tableName,
        PINGCE_BUCKET_NAME: this.storage.bucket.bucketName,
        PINGCE_AUTH_MODE: 'cognito',
        PINGCE_COGNITO_USER_POOL_ID: this.identity.userPool.userPoolId,
        PINGCE_COGNITO_CLIENT_ID: this.identity.webClient.userPoolClientId,
        LOG_LEVEL: props.logLevel ?? 'info',
      },
    })

    const dataArns = { tableArn: this.data.table.tableArn, indexArns: this.data.indexArns }
    this.tenantAccess = new TenantAccessRole(this, 'TenantAccess', {
      ...dataArns,
      bucket: this.storage.bucket,
      trustedRole: this.api.executionRole,
    })
    this.api.function.addEnvironment('PINGCE_TENANT_ROLE_ARN', this.tenantAccess.role.roleArn)
    this.platformAccess = new PlatformAccessPolicy(this, 'PlatformAccess', {
      ...dataArns,
      role: this.api.executionRole,
      bucket: this.storage.bucket,
      userPoolArn: this.identity.userPool.userPoolArn,
      tenantRoleArn: this.tenantAccess.role.roleArn,
    })
    // The function's first request may need its platform permissions.
    this.api.function.node.addDependency(this.platformAccess.policy)

    this.http = new PingceHttpApi(this, 'Http', {
      handler: this.api.function,
      userPool: this.identity.userPool,
      userPoolClient: this.identity.webClient,
      allowedOrigins: props.allowedOrigins,
    })

    new CfnOutput(this, 'ApiUrl', { value: this.http.url, description: 'HTTP API base URL' })
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName })
    new CfnOutput(this, 'BucketName', { value: this.storage.bucket.bucketName })
    new CfnOutput(this, 'UserPoolId', { value: this.identity.userPool.userPoolId })
    new CfnOutput(this, 'UserPoolClientId', { value: this.identity.webClient.userPoolClientId })
  }
}
