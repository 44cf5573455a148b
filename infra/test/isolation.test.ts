// Not re-exported by @pingce/aws's index: read from the probe's own module, the one the function runs.
import { s3HealthKey } from '@pingce/aws/object-keys'
import type { Template } from 'aws-cdk-lib/assertions'
import { beforeAll, describe, expect, it } from 'vitest'
import { cognitoAdminActions, platformHealthKey } from '../lib/isolation/platform-access-policy'
import { logicalIdOf, type SynthesizedPingce, synthPingce } from './synth-pingce'

type Statement = {
  Sid?: string
  Effect: string
  Action: string | string[]
  Resource: unknown
  Condition?: Record<string, Record<string, unknown>>
  Principal?: unknown
}

let synthesized: SynthesizedPingce
let template: Template
type Resource = {
  Type: string
  Properties: {
    PolicyDocument: { Statement: Statement[] }
    AssumeRolePolicyDocument: { Statement: Statement[] }
    Roles?: unknown[]
  }
}
let resources: Record<string, Resource>

// biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, spelled out independently of lib/
const tenantTag = '${aws:PrincipalTag/TenantId}'

function statementsOf(policyLogicalId: string): Statement[] {
  return resources[policyLogicalId]?.Properties.PolicyDocument.Statement ?? []
}

function actionsOf(statement: Statement): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action]
}

/** Every policy statement attached to a role, through any AWS::IAM::Policy. */
function statementsForRole(roleLogicalId: string): Statement[] {
  return Object.values(resources)
    .filter((resource) => resource.Type === 'AWS::IAM::Policy')
    .filter((resource) =>
      (resource.Properties.Roles ?? []).some(
        (ref) => JSON.stringify(ref) === JSON.stringify({ Ref: roleLogicalId }),
      ),
    )
    .flatMap((resource) => resource.Properties.PolicyDocument.Statement)
}

/** The literal parts of a statement's resources: strings as they are, `Fn::Join` pieces joined, GetAtt as `<id.attr>`. */
function resourceTexts(statement: Statement): string[] {
  const text = (value: unknown): string => {
    if (typeof value === 'string') return value
    const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join']
    if (join) return join[1].map(text).join(join[0])
    const getAtt = (value as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt']
    if (getAtt) return `<${getAtt[0]}.${getAtt[1]}>`
    return JSON.stringify(value)
  }
  return (Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource]).map(text)
}

beforeAll(() => {
  synthesized = synthPingce()
  template = synthesized.template
  resources = template.toJSON().Resources
})

describe('tenant-access role (token vending machine)', () => {
  it('trusts only the API function role, and only with a TenantId session tag', () => {
    const { api, tenantAccess } = synthesized.stack
    const trust = resources[logicalIdOf(tenantAccess.role)]?.Properties.AssumeRolePolicyDocument.Statement
    expect(trust).toEqual([
      {
        Effect: 'Allow',
        Action: ['sts:AssumeRole', 'sts:TagSession'],
        Principal: { AWS: { 'Fn::GetAtt': [logicalIdOf(api.executionRole), 'Arn'] } },
        Condition: {
          StringLike: { 'aws:RequestTag/TenantId': '?*' },
          'ForAllValues:StringEquals': { 'aws:TagKeys': ['TenantId'] },
        },
      },
    ])
  })

  it('reaches DynamoDB items only with the exact leading key TENANT#<session tag>, never by Scan', () => {
    const statements = statementsForRole(logicalIdOf(synthesized.stack.tenantAccess.role))
    const dynamo = statements.filter((statement) =>
      actionsOf(statement).some((action) => action.startsWith('dynamodb:')),
    )
    expect(dynamo).toHaveLength(1)
    const [statement] = dynamo
    // Exactly StringEquals: a StringLike "TENANT#<id>*" would also match tenants whose id starts with <id>.
    expect(statement?.Condition).toEqual({
      'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [`TENANT#${tenantTag}`] },
      Null: { 'dynamodb:LeadingKeys': 'false' },
    })
    expect(actionsOf(statement as Statement)).not.toContain('dynamodb:Scan')
    expect(actionsOf(statement as Statement).every((action) => !action.includes('*'))).toBe(true)
    expect(actionsOf(statement as Statement)).toEqual(
      expect.arrayContaining([
        'dynamodb:GetItem',
        'dynamodb:Query',
        'dynamodb:PutItem',
        'dynamodb:ConditionCheckItem',
      ]),
    )
    const tableId = logicalIdOf(synthesized.stack.data.table)
    expect(statement?.Resource).toEqual([
      { 'Fn::GetAtt': [tableId, 'Arn'] },
      { 'Fn::Join': ['', [{ 'Fn::GetAtt': [tableId, 'Arn'] }, '/index/gsi1']] },
      { 'Fn::Join': ['', [{ 'Fn::GetAtt': [tableId, 'Arn'] }, '/index/gsi2']] },
    ])
  })

  it('reaches S3 objects only under tenants/<session tag>/ and lists only that prefix', () => {
    const statements = statementsForRole(logicalIdOf(synthesized.stack.tenantAccess.role))
    const bucketArn = { 'Fn::GetAtt': [logicalIdOf(synthesized.stack.storage.bucket), 'Arn'] }
    const objects = statements.find((statement) => statement.Sid === 'TenantObjectsOnly')
    expect(objects).toMatchObject({
      Effect: 'Allow',
      Action: ['s3:DeleteObject', 's3:GetObject', 's3:PutObject'],
      Resource: { 'Fn::Join': ['', [bucketArn, `/tenants/${tenantTag}/*`]] },
    })
    const list = statements.find((statement) => statement.Sid === 'ListTenantPrefixOnly')
    expect(list).toEqual({
      Sid: 'ListTenantPrefixOnly',
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: bucketArn,
      Condition: { StringLike: { 's3:prefix': [`tenants/${tenantTag}/*`] } },
    })
    const s3Actions = statements.flatMap(actionsOf).filter((action) => action.startsWith('s3:'))
    expect(new Set(s3Actions)).toEqual(
      new Set(['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:ListBucket']),
    )
  })
})

describe("the API function's own role", () => {
  let statements: Statement[]

  beforeAll(() => {
    statements = statementsForRole(logicalIdOf(synthesized.stack.api.executionRole))
  })

  it('reaches DynamoDB items only under PLATFORM# partition keys', () => {
    const itemStatements = statements.filter((statement) =>
      actionsOf(statement).some(
        (action) => action.startsWith('dynamodb:') && action !== 'dynamodb:DescribeTable',
      ),
    )
    expect(itemStatements).toHaveLength(1)
    expect(itemStatements[0]?.Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['PLATFORM#*'] },
      Null: { 'dynamodb:LeadingKeys': 'false' },
    })
    expect(actionsOf(itemStatements[0] as Statement)).not.toContain('dynamodb:Scan')
  })

  it('reaches S3 only for the health probe: one object read, a list of that one key', () => {
    const bucketId = logicalIdOf(synthesized.stack.storage.bucket)
    const s3Statements = statements.filter((statement) =>
      actionsOf(statement).some((action) => action.startsWith('s3:')),
    )
    expect(s3Statements).toEqual([
      {
        Sid: 'HealthProbeObject',
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/platform/health']] },
      },
      {
        Sid: 'HealthProbeListOneKey',
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: { 'Fn::GetAtt': [bucketId, 'Arn'] },
        Condition: { StringEquals: { 's3:prefix': 'platform/health' } },
      },
    ])
    // The key the probe in packages/aws reads is the one the policy grants.
    expect(platformHealthKey).toBe(s3HealthKey)
  })

  it('never lists the bucket without a prefix condition, nor touches bucket/* objects', () => {
    for (const statement of statements) {
      const s3Actions = actionsOf(statement).filter((action) => action.startsWith('s3:'))
      if (s3Actions.length === 0) continue
      expect(statement.Effect).toBe('Allow')
      expect(s3Actions.every((action) => !action.includes('*'))).toBe(true)
      if (s3Actions.includes('s3:ListBucket')) {
        const prefixConditions = Object.values(statement.Condition ?? {}).filter(
          (test) => 's3:prefix' in test,
        )
        expect(prefixConditions, `${statement.Sid}: s3:ListBucket without s3:prefix`).toHaveLength(1)
        expect(JSON.stringify(prefixConditions)).not.toContain('*')
      }
      for (const resource of resourceTexts(statement)) {
        expect(resource, `${statement.Sid}: ${resource}`).not.toContain('*')
      }
    }
  })

  it('may call only the Cognito admin actions the identity provider uses, on the pool', () => {
    const cognito = statements.filter((statement) =>
      actionsOf(statement).some((action) => action.startsWith('cognito-idp:')),
    )
    expect(cognito).toHaveLength(1)
    expect(new Set(actionsOf(cognito[0] as Statement))).toEqual(new Set(cognitoAdminActions))
    expect(actionsOf(cognito[0] as Statement)).not.toContain('cognito-idp:AdminUpdateUserAttributes')
    expect(cognito[0]?.Resource).toEqual({
      'Fn::GetAtt': [logicalIdOf(synthesized.stack.identity.userPool), 'Arn'],
    })
  })

  it('may assume the tenant-access role with a session tag, and no other role', () => {
    const sts = statements.filter((statement) =>
      actionsOf(statement).some((action) => action.startsWith('sts:')),
    )
    expect(sts).toEqual([
      {
        Sid: 'AssumeTenantRole',
        Effect: 'Allow',
        Action: ['sts:AssumeRole', 'sts:TagSession'],
        Resource: { 'Fn::GetAtt': [logicalIdOf(synthesized.stack.tenantAccess.role), 'Arn'] },
      },
    ])
  })

  it('has no wildcard resource except the X-Ray write actions', () => {
    const wildcard = statements.filter((statement) => statement.Resource === '*')
    expect(wildcard.flatMap(actionsOf).sort()).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments'])
  })

  it('exposes the policies as construct properties', () => {
    const { platformAccess, tenantAccess } = synthesized.stack
    expect(statementsOf(logicalIdOf(platformAccess.policy)).map((s) => s.Sid)).toEqual([
      'PlatformItemsOnly',
      'HealthProbeTable',
      'HealthProbeObject',
      'HealthProbeListOneKey',
      'CognitoAdmin',
      'AssumeTenantRole',
    ])
    expect(statementsOf(logicalIdOf(tenantAccess.dataPolicy)).map((s) => s.Sid)).toEqual([
      'TenantItemsOnly',
      'TenantObjectsOnly',
      'ListTenantPrefixOnly',
    ])
  })
})

describe('every IAM policy of the stack', () => {
  let allowed: Statement[]

  beforeAll(() => {
    allowed = Object.values(resources)
      .flatMap((resource) => {
        if (resource.Type === 'AWS::IAM::Policy') return resource.Properties.PolicyDocument.Statement
        if (resource.Type === 'AWS::IAM::Role') {
          const inline = (
            resource.Properties as { Policies?: Array<{ PolicyDocument: { Statement: Statement[] } }> }
          ).Policies
          return (inline ?? []).flatMap((policy) => policy.PolicyDocument.Statement)
        }
        return []
      })
      .filter((statement) => statement.Effect === 'Allow')
    expect(allowed.length).toBeGreaterThan(0)
  })

  it('allows no wildcard action', () => {
    expect(allowed.flatMap(actionsOf).filter((action) => action.includes('*'))).toEqual([])
  })

  it("grants Resource '*' only to the X-Ray writes, which take no resource", () => {
    const wildcard = allowed.filter((statement) => resourceTexts(statement).includes('*'))
    expect(wildcard.flatMap(actionsOf).sort()).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments'])
  })

  it('names each index: no index/* resource', () => {
    const resourcesText = allowed.flatMap(resourceTexts)
    expect(resourcesText.filter((resource) => resource.includes('/index/*'))).toEqual([])
  })

  it('has no object wildcard except the one tenant prefix of the session tag', () => {
    const objectWildcards = allowed
      .flatMap(resourceTexts)
      .filter((resource) => resource !== '*' && resource.includes('*'))
    expect(objectWildcards).toEqual([
      `<${logicalIdOf(synthesized.stack.storage.bucket)}.Arn>/tenants/${tenantTag}/*`,
    ])
  })
})
