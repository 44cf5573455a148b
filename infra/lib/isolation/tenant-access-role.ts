import { Stack, Validations } from 'aws-cdk-lib'
import { ArnPrincipal, Effect, type IRole, Policy, PolicyStatement, Role } from 'aws-cdk-lib/aws-iam'
import type { CfnBucket, IBucket } from 'aws-cdk-lib/aws-s3'
import { Construct } from 'constructs'
import { itemActions, principalTenantId, tenantTagKey } from './tenant-tag'

/**
 * The token-vending-machine role: the API function assumes it per request with the session tag
 * `TenantId`, and the credentials it gets back reach that tenant's data only.
 *
 * - DynamoDB: items whose partition key (of the table or of a GSI) is exactly `TENANT#<tenantId>`.
 *   `StringEquals`, not `StringLike`: a `TENANT#<id>*` pattern would also match every tenant whose
 *   id starts with `<id>`. The keys module keeps tenant partition keys exactly `TENANT#<id>`.
 * - S3: objects under `tenants/<tenantId>/` only; listing only with that prefix. The trailing `/`
 *   keeps tenant `ab` out of tenant `abc`'s objects.
 */
export class TenantAccessRole extends Construct {
  readonly role: Role
  readonly dataPolicy: Policy

  constructor(
    scope: Construct,
    id: string,
    props: { trustedRole: IRole; tableArn: string; indexArns: string[]; bucket: IBucket },
  ) {
    super(scope, id)
    this.role = new Role(this, 'Role', {
      description:
        'Tenant-scoped access to Pingce data, assumed by the API function with a TenantId session tag',
      assumedBy: new ArnPrincipal(props.trustedRole.roleArn)
        .withConditions({
          // The tag must be there and be the only one: no session without a tenant.
          StringLike: { [`aws:RequestTag/${tenantTagKey}`]: '?*' },
          'ForAllValues:StringEquals': { 'aws:TagKeys': [tenantTagKey] },
        })
        .withSessionTags(),
    })

    const tenantPrefix = `tenants/${principalTenantId}/`
    this.dataPolicy = new Policy(this, 'DataPolicy', {
      statements: [
        new PolicyStatement({
          sid: 'TenantItemsOnly',
          effect: Effect.ALLOW,
          actions: itemActions,
          resources: [props.tableArn, ...props.indexArns],
          conditions: {
            'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [`TENANT#${principalTenantId}`] },
            Null: { 'dynamodb:LeadingKeys': 'false' },
          },
        }),
        new PolicyStatement({
          sid: 'TenantObjectsOnly',
          effect: Effect.ALLOW,
          actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
          resources: [props.bucket.arnForObjects(`${tenantPrefix}*`)],
        }),
        new PolicyStatement({
          sid: 'ListTenantPrefixOnly',
          effect: Effect.ALLOW,
          actions: ['s3:ListBucket'],
          resources: [props.bucket.bucketArn],
          conditions: { StringLike: { 's3:prefix': [`${tenantPrefix}*`] } },
        }),
      ],
    })
    this.dataPolicy.attachToRole(this.role)

    const bucketLogicalId = Stack.of(this).getLogicalId(props.bucket.node.defaultChild as CfnBucket)
    Validations.of(this.dataPolicy).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketLogicalId}.Arn>/tenants/<aws:PrincipalTag/TenantId>/*]`,
      reason:
        'The objects of one tenant: the wildcard is confined to the prefix tenants/<TenantId>/ of the session tag, which the trust policy requires.',
    })
  }
}
