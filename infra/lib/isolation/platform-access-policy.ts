import { Effect, type IRole, Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam'
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import { Construct } from 'constructs'
import { itemActions } from './tenant-tag'

/** The Cognito admin calls of `packages/aws/src/cognito-identity-provider.ts`, and no others. */
export const cognitoAdminActions = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminSetUserPassword',
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminDeleteUser',
]

/**
 * What the API function's own role may do. It never touches tenant data directly: for that it
 * assumes the tenant-access role. It reaches:
 * - DynamoDB items under `PLATFORM#…` partition keys (tenant register, division claims, logins,
 *   published benchmark aggregates). `StringLike "PLATFORM#*"` is safe here, unlike for tenants:
 *   the prefix is a fixed literal with no tenant id in it, and no tenant key starts with `PLATFORM#`.
 * - `DescribeTable` and `s3:ListBucket` (bucket level) for the health probes (`HeadBucket` needs
 *   `s3:ListBucket`). No object read or write.
 * - The Cognito admin calls that create, reset, disable and delete users.
 * - `sts:AssumeRole` + `sts:TagSession` on the tenant-access role.
 */
export class PlatformAccessPolicy extends Construct {
  readonly policy: Policy

  constructor(
    scope: Construct,
    id: string,
    props: {
      role: IRole
      tableArn: string
      indexArns: string[]
      bucket: IBucket
      userPoolArn: string
      tenantRoleArn: string
    },
  ) {
    super(scope, id)
    this.policy = new Policy(this, 'Policy', {
      statements: [
        new PolicyStatement({
          sid: 'PlatformItemsOnly',
          effect: Effect.ALLOW,
          actions: itemActions,
          resources: [props.tableArn, ...props.indexArns],
          conditions: {
            'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['PLATFORM#*'] },
            Null: { 'dynamodb:LeadingKeys': 'false' },
          },
        }),
        new PolicyStatement({
          sid: 'HealthProbes',
          effect: Effect.ALLOW,
          actions: ['dynamodb:DescribeTable', 's3:ListBucket'],
          resources: [props.tableArn, props.bucket.bucketArn],
        }),
        new PolicyStatement({
          sid: 'CognitoAdmin',
          effect: Effect.ALLOW,
          actions: cognitoAdminActions,
          resources: [props.userPoolArn],
        }),
        new PolicyStatement({
          sid: 'AssumeTenantRole',
          effect: Effect.ALLOW,
          actions: ['sts:AssumeRole', 'sts:TagSession'],
          resources: [props.tenantRoleArn],
        }),
      ],
    })
    this.policy.attachToRole(props.role)
  }
}
