import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  AliasExistsException,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  InvalidPasswordException,
  NotAuthorizedException,
  TooManyRequestsException,
  UserNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider'
import {
  type AuthContext,
  ConflictError,
  type IdentityProvider,
  type IssuedToken,
  NotFoundError,
  RateLimitedError,
  type Role,
  UnauthorizedError,
  ValidationError,
  VerifiedAuthContextSchema,
} from '@pingce/core'

const wrongCredentialsMessage = '邮箱或密码错误'

/**
 * The identity provider in AWS: an Amazon Cognito user pool whose `custom:tenantId`, `custom:role` and
 * `custom:unitId` are immutable and writable by no app client, so only this admin API sets them.
 *
 * Pool assumptions (set in the CDK stack): the Cognito username is our user id and email is a
 * sign-in alias (`signInAliases: { username: true, email: true }`), so admin calls address a user
 * by id without a lookup; the app client has no secret and allows USER_PASSWORD_AUTH; the ID token
 * is the bearer token, because only it carries the custom attributes API Gateway's authorizer passes on.
 */
export class CognitoIdentityProvider implements IdentityProvider {
  readonly #client: CognitoIdentityProviderClient
  readonly #userPoolId: string
  readonly #clientId: string

  /** Pass `client` in tests; otherwise one is made for `region` (the API package has no Cognito SDK of its own). */
  constructor(options: {
    client?: CognitoIdentityProviderClient
    region?: string
    userPoolId: string
    clientId: string
  }) {
    this.#client = options.client ?? new CognitoIdentityProviderClient({ region: options.region })
    this.#userPoolId = options.userPoolId
    this.#clientId = options.clientId
  }

  async createIdentity(options: {
    tenantId: string | undefined
    userId: string
    email: string
    role: Role
    unitId: string | undefined
    password: string
  }): Promise<void> {
    const attributes = [
      { Name: 'email', Value: options.email.toLowerCase() },
      { Name: 'email_verified', Value: 'true' },
      { Name: 'custom:role', Value: options.role },
      ...(options.tenantId ? [{ Name: 'custom:tenantId', Value: options.tenantId }] : []),
      ...(options.unitId ? [{ Name: 'custom:unitId', Value: options.unitId }] : []),
    ]
    try {
      await this.#client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.#userPoolId,
          Username: options.userId,
          UserAttributes: attributes,
          // The admin hands the password over; Cognito's invitation mail would be in English.
          MessageAction: 'SUPPRESS',
        }),
      )
    } catch (error) {
      if (error instanceof UsernameExistsException || error instanceof AliasExistsException) {
        throw new ConflictError({
          message: '该邮箱已被使用',
          issues: [{ path: 'email', message: 'already registered' }],
        })
      }
      throw error
    }
    try {
      await this.#setPassword(options.userId, options.password)
    } catch (error) {
      // A user without its password would be stuck in FORCE_CHANGE_PASSWORD: take it back.
      await this.#client
        .send(new AdminDeleteUserCommand({ UserPoolId: this.#userPoolId, Username: options.userId }))
        .catch(() => {})
      throw error
    }
  }

  async signIn({ email, password }: { email: string; password: string }): Promise<IssuedToken> {
    try {
      const result = await this.#client.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: this.#clientId,
          AuthParameters: { USERNAME: email.toLowerCase(), PASSWORD: password },
        }),
      )
      const idToken = result.AuthenticationResult?.IdToken
      if (!idToken) throw new UnauthorizedError({ message: '需要完成额外的登录验证，请联系管理员' })
      return {
        accessToken: idToken,
        tokenType: 'Bearer',
        expiresIn: result.AuthenticationResult?.ExpiresIn ?? 3600,
      }
    } catch (error) {
      if (error instanceof NotAuthorizedException) {
        // Cognito's own lock-out after repeated failures arrives as this message.
        if (/attempts exceeded/i.test(error.message)) {
          throw new RateLimitedError({
            message: '登录失败次数过多，账户已暂时锁定，请稍后再试或联系管理员重置密码',
          })
        }
        if (/disabled/i.test(error.message))
          throw new UnauthorizedError({ message: '该账户已停用，请联系管理员' })
        throw new UnauthorizedError({ message: wrongCredentialsMessage })
      }
      if (error instanceof UserNotFoundException)
        throw new UnauthorizedError({ message: wrongCredentialsMessage })
      if (error instanceof TooManyRequestsException) {
        throw new RateLimitedError({ message: '请求过于频繁，请稍后再试' })
      }
      throw error
    }
  }

  async resetPassword(options: { tenantId: string; userId: string; newPassword: string }): Promise<void> {
    await this.#assertInTenant(options)
    await this.#setPassword(options.userId, options.newPassword)
  }

  async disableIdentity(options: { tenantId: string; userId: string }): Promise<void> {
    await this.#assertInTenant(options)
    // AdminDisableUser also revokes the user's refresh tokens; ID tokens live until they expire.
    await this.#client.send(
      new AdminDisableUserCommand({ UserPoolId: this.#userPoolId, Username: options.userId }),
    )
  }

  /** Undo of {@link createIdentity} when a later step of a sign-up or invitation fails. */
  async deleteIdentity(options: { tenantId: string; userId: string }): Promise<void> {
    await this.#assertInTenant(options)
    await this.#client.send(
      new AdminDeleteUserCommand({ UserPoolId: this.#userPoolId, Username: options.userId }),
    )
  }

  /**
   * API Gateway's JWT authorizer has checked signature, issuer, audience and expiry before the
   * function runs; this reads its claims and checks again what it can without keys: an ID token
   * (access tokens carry no custom claims), of this pool and this app client, for a verified email.
   * Without claims (a request that bypassed the authorizer) there is no caller, whatever token the
   * request carries. Identity is `cognito:username` and the tenant `custom:tenantId`; the email is
   * contact only, never what authorises.
   */
  async verify({
    authorizerClaims,
  }: {
    token: string | undefined
    authorizerClaims: Record<string, unknown> | undefined
  }): Promise<AuthContext> {
    if (authorizerClaims?.token_use !== 'id') {
      throw new UnauthorizedError({ message: '请先登录' })
    }
    // The HTTP API authorizer passes claims on as strings.
    const isEmailVerified =
      authorizerClaims.email_verified === true || authorizerClaims.email_verified === 'true'
    const region = this.#userPoolId.split('_')[0]
    const isOurs =
      authorizerClaims.aud === this.#clientId &&
      authorizerClaims.iss === `https://cognito-idp.${region}.amazonaws.com/${this.#userPoolId}`
    if (!isEmailVerified || !isOurs) throw new UnauthorizedError({ message: '登录凭证无效，请重新登录' })
    const parsed = VerifiedAuthContextSchema.safeParse({
      userId: authorizerClaims['cognito:username'],
      email: authorizerClaims.email,
      role: authorizerClaims['custom:role'],
      tenantId: authorizerClaims['custom:tenantId'],
      unitId: authorizerClaims['custom:unitId'],
    })
    if (!parsed.success) throw new UnauthorizedError({ message: '登录凭证无效，请重新登录' })
    return parsed.data
  }

  async #setPassword(userId: string, password: string): Promise<void> {
    try {
      await this.#client.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: this.#userPoolId,
          Username: userId,
          Password: password,
          Permanent: true,
        }),
      )
    } catch (error) {
      if (error instanceof InvalidPasswordException) {
        throw new ValidationError({
          message: '密码不符合要求',
          issues: [{ path: 'password', message: 'does not meet the password policy' }],
        })
      }
      throw error
    }
  }

  /** The same 404 for an unknown user and another tenant's user: ids of other tenants reveal nothing. */
  async #assertInTenant(options: { tenantId: string; userId: string }): Promise<void> {
    try {
      const user = await this.#client.send(
        new AdminGetUserCommand({ UserPoolId: this.#userPoolId, Username: options.userId }),
      )
      const tenantId = user.UserAttributes?.find((attribute) => attribute.Name === 'custom:tenantId')?.Value
      if (tenantId !== options.tenantId) throw new NotFoundError({ message: '未找到该用户' })
    } catch (error) {
      if (error instanceof UserNotFoundException) throw new NotFoundError({ message: '未找到该用户' })
      throw error
    }
  }
}
