import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  InvalidPasswordException,
  NotAuthorizedException,
  UserNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider'
import { mockClient } from 'aws-sdk-client-mock'
import { beforeEach, describe, expect, it } from 'vitest'
import { CognitoIdentityProvider } from './cognito-identity-provider'

const client = new CognitoIdentityProviderClient({ region: 'cn-north-1' })
const cognito = mockClient(client)
const provider = new CognitoIdentityProvider({
  client,
  userPoolId: 'cn-north-1_pool',
  clientId: 'app-client',
})
const meta = { $metadata: {} }
const zhengzhouUser = {
  UserAttributes: [
    { Name: 'email', Value: 'li@zhengzhou.gov.cn' },
    { Name: 'custom:tenantId', Value: 'zhengzhou' },
  ],
}
const idClaims = {
  sub: '5f1c…',
  token_use: 'id',
  iss: 'https://cognito-idp.cn-north-1.amazonaws.com/cn-north-1_pool',
  aud: 'app-client',
  email_verified: 'true',
  'cognito:username': 'u-2',
  email: 'li@zhengzhou.gov.cn',
  'custom:tenantId': 'zhengzhou',
  'custom:role': 'evaluator',
}

describe('CognitoIdentityProvider', () => {
  beforeEach(() => cognito.reset())

  it('creates the user with immutable tenant, role and unit attributes and a permanent password', async () => {
    // Prepare
    cognito.on(AdminCreateUserCommand).resolves({})
    cognito.on(AdminSetUserPasswordCommand).resolves({})
    // Act
    await provider.createIdentity({
      tenantId: 'zhengzhou',
      userId: 'u-3',
      email: 'Gaoxin@Zhengzhou.gov.cn',
      role: 'unit',
      unitId: 'gaoxin',
      password: 'Gaoxin20261',
    })
    // Assess
    const created = cognito.commandCalls(AdminCreateUserCommand)[0]?.args[0].input
    expect(created).toMatchObject({
      UserPoolId: 'cn-north-1_pool',
      Username: 'u-3',
      MessageAction: 'SUPPRESS',
    })
    expect(created?.UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'email', Value: 'gaoxin@zhengzhou.gov.cn' },
        { Name: 'custom:tenantId', Value: 'zhengzhou' },
        { Name: 'custom:role', Value: 'unit' },
        { Name: 'custom:unitId', Value: 'gaoxin' },
      ]),
    )
    expect(cognito.commandCalls(AdminSetUserPasswordCommand)[0]?.args[0].input).toMatchObject({
      Username: 'u-3',
      Password: 'Gaoxin20261',
      Permanent: true,
    })
  })

  it('gives the operator no tenant attribute', async () => {
    cognito.on(AdminCreateUserCommand).resolves({})
    cognito.on(AdminSetUserPasswordCommand).resolves({})
    await provider.createIdentity({
      tenantId: undefined,
      userId: 'op',
      email: 'op@pingce.cn',
      role: 'platform-operator',
      unitId: undefined,
      password: 'Operator12345',
    })
    const names = cognito
      .commandCalls(AdminCreateUserCommand)[0]
      ?.args[0].input.UserAttributes?.map((a) => a.Name)
    expect(names).not.toContain('custom:tenantId')
  })

  it('maps a taken username or email to 409 naming email, and a refused password to 400 after undoing', async () => {
    cognito
      .on(AdminCreateUserCommand)
      .rejectsOnce(new UsernameExistsException({ message: 'exists', ...meta }))
    const identity = {
      tenantId: 'zhengzhou',
      userId: 'u-3',
      email: 'x@zz.cn',
      role: 'admin' as const,
      unitId: undefined,
      password: 'Password123',
    }
    await expect(provider.createIdentity(identity)).rejects.toMatchObject({
      status: 409,
      issues: [{ path: 'email' }],
    })
    cognito.on(AdminCreateUserCommand).resolves({})
    cognito
      .on(AdminSetUserPasswordCommand)
      .rejects(new InvalidPasswordException({ message: 'weak', ...meta }))
    cognito.on(AdminDeleteUserCommand).resolves({})
    await expect(provider.createIdentity(identity)).rejects.toMatchObject({ status: 400 })
    expect(cognito.commandCalls(AdminDeleteUserCommand)[0]?.args[0].input.Username).toBe('u-3')
  })

  it('signs in with USER_PASSWORD_AUTH and returns the ID token as the bearer token', async () => {
    cognito.on(InitiateAuthCommand).resolves({ AuthenticationResult: { IdToken: 'id.jwt', ExpiresIn: 3600 } })
    expect(await provider.signIn({ email: 'LI@zhengzhou.gov.cn', password: 'Password123' })).toEqual({
      accessToken: 'id.jwt',
      tokenType: 'Bearer',
      expiresIn: 3600,
    })
    expect(cognito.commandCalls(InitiateAuthCommand)[0]?.args[0].input).toEqual({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: 'app-client',
      AuthParameters: { USERNAME: 'li@zhengzhou.gov.cn', PASSWORD: 'Password123' },
    })
  })

  it('maps sign-in failures: wrong password and unknown user alike to 401, lock-out to 429', async () => {
    cognito
      .on(InitiateAuthCommand)
      .rejectsOnce(new NotAuthorizedException({ message: 'Incorrect username or password.', ...meta }))
      .rejectsOnce(new UserNotFoundException({ message: 'User does not exist.', ...meta }))
      .rejectsOnce(new NotAuthorizedException({ message: 'Password attempts exceeded', ...meta }))
    const attempt = () => provider.signIn({ email: 'li@zhengzhou.gov.cn', password: 'x' })
    const wrong = await attempt().catch((error: unknown) => error)
    const unknown = await attempt().catch((error: unknown) => error)
    expect(wrong).toMatchObject({ status: 401, message: '邮箱或密码错误' })
    expect(unknown).toMatchObject({ status: 401, message: '邮箱或密码错误' })
    await expect(attempt()).rejects.toMatchObject({ status: 429 })
  })

  it("resets and disables only after AdminGetUser shows the caller's tenant", async () => {
    cognito.on(AdminGetUserCommand).resolves(zhengzhouUser)
    cognito.on(AdminSetUserPasswordCommand).resolves({})
    cognito.on(AdminDisableUserCommand).resolves({})
    await provider.resetPassword({ tenantId: 'zhengzhou', userId: 'u-2', newPassword: 'NewPassword1' })
    await provider.disableIdentity({ tenantId: 'zhengzhou', userId: 'u-2' })
    expect(cognito.commandCalls(AdminSetUserPasswordCommand)[0]?.args[0].input).toMatchObject({
      Username: 'u-2',
      Permanent: true,
    })
    expect(cognito.commandCalls(AdminDisableUserCommand)[0]?.args[0].input.Username).toBe('u-2')
  })

  it("answers 404 for another tenant's or an unknown user and changes nothing", async () => {
    cognito
      .on(AdminGetUserCommand)
      .resolvesOnce(zhengzhouUser)
      .rejectsOnce(new UserNotFoundException({ message: 'User does not exist.', ...meta }))
    await expect(
      provider.resetPassword({ tenantId: 'kaifeng', userId: 'u-2', newPassword: 'NewPassword1' }),
    ).rejects.toMatchObject({ status: 404 })
    await expect(provider.disableIdentity({ tenantId: 'kaifeng', userId: 'u-9' })).rejects.toMatchObject({
      status: 404,
    })
    expect(cognito.commandCalls(AdminSetUserPasswordCommand)).toHaveLength(0)
    expect(cognito.commandCalls(AdminDisableUserCommand)).toHaveLength(0)
  })

  it("turns the authorizer's claims into the caller, ignoring any bearer token", async () => {
    expect(await provider.verify({ token: 'ignored', authorizerClaims: idClaims })).toEqual({
      userId: 'u-2',
      email: 'li@zhengzhou.gov.cn',
      role: 'evaluator',
      tenantId: 'zhengzhou',
      unitId: undefined,
    })
  })

  it('rejects absent claims, access tokens, inconsistent claims, an unverified email and another pool or client', async () => {
    for (const authorizerClaims of [
      undefined,
      { ...idClaims, token_use: 'access' },
      { ...idClaims, 'custom:role': 'superuser' },
      { ...idClaims, 'custom:role': 'unit' },
      { ...idClaims, email_verified: 'false' },
      { ...idClaims, email_verified: undefined },
      { ...idClaims, aud: 'another-client' },
      { ...idClaims, iss: 'https://cognito-idp.cn-north-1.amazonaws.com/cn-north-1_other' },
    ]) {
      await expect(provider.verify({ token: 'a.b.c', authorizerClaims })).rejects.toMatchObject({
        status: 401,
      })
    }
  })

  it('rejects claims whose tenant, user or unit id is not a valid id with 401', async () => {
    for (const authorizerClaims of [
      { ...idClaims, 'custom:tenantId': 'TENANT#x' },
      { ...idClaims, 'custom:tenantId': 'A B' },
      { ...idClaims, 'cognito:username': 'u#2' },
      { ...idClaims, 'custom:role': 'unit', 'custom:unitId': 'UNIT#y' },
    ]) {
      await expect(provider.verify({ token: undefined, authorizerClaims })).rejects.toMatchObject({
        status: 401,
      })
    }
  })
})
