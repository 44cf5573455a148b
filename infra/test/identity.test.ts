import { Match, type Template } from 'aws-cdk-lib/assertions'
import { beforeAll, describe, expect, it } from 'vitest'
import { customAttributeNames } from '../lib/identity/pingce-user-pool'
import { synthPingce } from './synth-pingce'

let template: Template

beforeAll(() => {
  template = synthPingce().template
})

function onlyResource(type: string): { Properties: Record<string, unknown>; DeletionPolicy?: string } {
  const resources = Object.values(template.findResources(type))
  expect(resources).toHaveLength(1)
  return resources[0] as { Properties: Record<string, unknown> }
}

describe('Cognito user pool', () => {
  it('has no self sign-up: only the admin API creates users', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      AliasAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      DeletionProtection: 'ACTIVE',
    })
    expect(onlyResource('AWS::Cognito::UserPool').DeletionPolicy).toBe('Retain')
  })

  it('has a password policy no weaker than the API (10+ characters with a digit)', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 10, RequireNumbers: true }) },
    })
  })

  it('declares tenantId, role and unitId as immutable custom attributes', () => {
    const schema = onlyResource('AWS::Cognito::UserPool').Properties.Schema as Array<{
      Name: string
      Mutable: boolean
      AttributeDataType: string
    }>
    for (const name of customAttributeNames) {
      expect(schema).toContainEqual(
        expect.objectContaining({ Name: name, Mutable: false, AttributeDataType: 'String' }),
      )
    }
  })

  it('gives the web client no secret, SRP + password auth, and no write access to custom attributes', () => {
    const client = onlyResource('AWS::Cognito::UserPoolClient').Properties
    expect(client.GenerateSecret).toBe(false)
    expect(client.ExplicitAuthFlows).toEqual(
      expect.arrayContaining(['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
    )
    expect(client.PreventUserExistenceErrors).toBe('ENABLED')
    expect(client.ReadAttributes).toEqual(
      expect.arrayContaining(customAttributeNames.map((name) => `custom:${name}`)),
    )
  })

  it('lets a user write none of the attributes the API trusts: no email, no custom attribute', () => {
    const client = onlyResource('AWS::Cognito::UserPoolClient').Properties
    const writable = client.WriteAttributes as string[]
    // Never absent or empty: Cognito reads that as "every standard attribute", email included.
    expect(writable).toEqual(['locale'])
    expect(writable).not.toContain('email')
    expect(writable).not.toContain('email_verified')
    expect(writable.filter((name) => name.startsWith('custom:'))).toEqual([])
    // What a user may write, no token of this client carries.
    expect(client.ReadAttributes as string[]).not.toEqual(expect.arrayContaining(writable))
  })

  it('has no OAuth flows, scopes or redirect URLs: no hosted UI, no example.com callback', () => {
    const client = onlyResource('AWS::Cognito::UserPoolClient').Properties
    expect(client.AllowedOAuthFlows ?? []).toEqual([])
    expect(client.AllowedOAuthScopes ?? []).toEqual([])
    expect([false, undefined]).toContain(client.AllowedOAuthFlowsUserPoolClient)
    expect(client.CallbackURLs ?? []).toEqual([])
    expect(client.LogoutURLs ?? []).toEqual([])
    expect(client.DefaultRedirectURI).toBeUndefined()
    expect(JSON.stringify(client)).not.toContain('example.com')
  })
})
