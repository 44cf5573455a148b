import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib'
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito'
import { Construct } from 'constructs'

/** The custom attributes the API's admin calls set; immutable, and writable by no app client. */
export const customAttributeNames = ['tenantId', 'role', 'unitId'] as const

/**
 * The Cognito user pool. Cities sign up through the API, which creates users with the admin API:
 * no self sign-up. The Cognito username is the product's user id and email a sign-in alias, as the
 * Cognito identity provider in `packages/aws` expects.
 */
export class PingceUserPool extends Construct {
  readonly userPool: UserPool
  readonly webClient: UserPoolClient

  constructor(scope: Construct, id: string) {
    super(scope, id)
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: {
        // Immutable: once the admin API has set a user's tenant and role, nobody can change them.
        tenantId: new StringAttribute({ minLen: 3, maxLen: 40, mutable: false }),
        role: new StringAttribute({ minLen: 1, maxLen: 32, mutable: false }),
        unitId: new StringAttribute({ minLen: 1, maxLen: 64, mutable: false }),
      },
      // Matches PasswordSchema in packages/core (10+ characters, letters and a digit) and the
      // generated one-time passwords, which have no symbols; see the COG1 acknowledgement.
      passwordPolicy: {
        minLength: 10,
        requireDigits: true,
        requireLowercase: false,
        requireUppercase: false,
        requireSymbols: false,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      // Tenant admins reset passwords through the API; no Cognito mails in English to citizens.
      accountRecovery: AccountRecovery.NONE,
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    })

    const customAttributes = customAttributeNames.map((name) => `custom:${name}`)
    this.webClient = this.userPool.addClient('WebClient', {
      // A public client for the web page and the API, which sign in with the auth flows below: no
      // secret, no hosted UI, so no OAuth flows, scopes or callback URLs (CDK's default would allow
      // the implicit and code grants with an https://example.com callback).
      generateSecret: false,
      disableOAuth: true,
      // USER_PASSWORD_AUTH: the API's POST /auth/token signs in on the user's behalf; SRP for clients.
      authFlows: { userSrp: true, userPassword: true },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true })
        .withCustomAttributes(...customAttributes),
      // A user may change none of what the API trusts: not tenantId, role or unitId (immutable
      // anyway), and not email (only the admin API sets it, verified). Cognito reads an empty
      // WriteAttributes as "every standard attribute", so the list names one attribute instead,
      // `locale`, which the product never reads and this client cannot read back.
      writeAttributes: new ClientAttributes().withStandardAttributes({ locale: true }),
    })

    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG1',
        reason:
          'Length over composition (NIST SP 800-63B): 10+ characters with a digit, the same rule as the API (PasswordSchema) and its generated 16-character one-time passwords, which carry no symbols; a symbol requirement here would reject them.',
      },
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is optional (TOTP) by product decision: government staff accounts are admin-created, the API rate-limits sign-in and Cognito locks out repeated failures.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'Essentials tier: the Plus tier (threat protection) is billed per active user and is not offered in every region the product targets; revisit per deployment.',
      },
    )
  }
}
