/**
 * The session tag the function sets when it assumes the tenant-access role, as IAM reads it back.
 * A plain string, not a template literal: IAM substitutes it at request time.
 */
// biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a JS template
export const principalTenantId = '${aws:PrincipalTag/TenantId}'

/** The session tag key; `packages/aws/src/tenant-scoped-clients.ts` sets it on `AssumeRole`. */
export const tenantTagKey = 'TenantId'

/**
 * DynamoDB actions on items; every one carries `dynamodb:LeadingKeys`. `Scan` and PartiQL are left
 * out on purpose: they carry no leading key, and a `ForAllValues` condition on a missing key is true.
 */
export const itemActions = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
]
