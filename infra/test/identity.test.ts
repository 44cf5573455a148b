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
    const writable = client.WriteAttributes as string[]
    expect(writable.length).toBeGreaterThan(0)
    expect(writable.filter((name) => name.startsWith('custom:'))).toEqual([])
    expect(client.ReadAttributes).toEqual(
      expect.arrayContaining(customAttributeNames.map((name) => `custom:${name}`)),
    )
  })
})
