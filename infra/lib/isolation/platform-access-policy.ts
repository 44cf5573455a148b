import { s3HealthKey } from '@pingce/aws/object-keys'
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

/** The one S3 object the health probe reads; nothing writes it: "no such key" is the healthy answer. */
export const platformHealthKey = s3HealthKey

/**
 * What the API function's own role may do. It never touches tenant data directly: for that it
 * assumes the tenant-access role. It reaches:
 * - DynamoDB items under `PLATFORM#…` partition keys (tenant register, division claims, logins,
 *   published benchmark aggregates). `StringLike "PLATFORM#*"` is safe here, unlike for tenants:
 *   the prefix is a fixed literal with no tenant id in it, and no tenant key starts with `PLATFORM#`.
 * - For the health probes: `DescribeTable`, `s3:GetObject` on the one key {@link platformHealthKey},
 *   and `s3:ListBucket` only with `s3:prefix` exactly that key: without a list permission S3 answers
 *   a missing key with 403, not 404. Nothing bucket-wide, no other object, no write.
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
          sid: 'HealthProbeTable',
          effect: Effect.ALLOW,
          actions: ['dynamodb:DescribeTable'],
          resources: [props.tableArn],
        }),
        new PolicyStatement({
          sid: 'HealthProbeObject',
          effect: Effect.ALLOW,
          actions: ['s3:GetObject'],
          resources: [props.bucket.arnForObjects(platformHealthKey)],
        }),
        new PolicyStatement({
          // The list S3 consults to tell a missing key (404) from a forbidden one (403), limited to
          // the probe's own key: a listing with any other prefix, or none, is refused.
          sid: 'HealthProbeListOneKey',
          effect: Effect.ALLOW,
          actions: ['s3:ListBucket'],
          resources: [props.bucket.bucketArn],
          conditions: { StringEquals: { 's3:prefix': platformHealthKey } },
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
