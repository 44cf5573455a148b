import {
  CognitoIdentityProvider,
  createAwsClients,
  DynamoAuditLog,
  DynamoCredentialStore,
  DynamoEvaluationStore,
  DynamoOrgStore,
  DynamoResultStore,
  DynamoSchemeStore,
  DynamoScoreStore,
  DynamoTenantDirectory,
  DynamoUserStore,
  dynamoHealthProbe,
  type ForeignRow,
  S3BlobStore,
  s3HealthProbe,
  sharedTenantClients,
  stsTenantClients,
} from '@pingce/aws'
import type { AppDeps } from './app'
import { LocalIdentityProvider } from './auth/local-identity-provider'
import { createPasswordHasher } from './auth/password-hasher'
import { createTokenSigner } from './auth/token-signer'
import type { AppConfig } from './config'
import type { Logger } from './logging/logger'

/** Local endpoints take s3rver's fixed credentials; DynamoDB Local (shared db) accepts any. */
const localCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }

/**
 * Wires the real adapters from the configuration: the same code on Lambda and locally. In AWS
 * (cognito mode) tenant data is reached only through credentials scoped to the tenant by STS; the
 * function's own role reaches only platform items.
 */
export function createDependencies(options: {
  config: AppConfig
  logger: Logger
  onDynamoCall?: (commandName: string) => void
}): AppDeps {
  const { config, logger } = options
  const isLocal = Boolean(config.PINGCE_DYNAMODB_ENDPOINT || config.PINGCE_S3_ENDPOINT)
  const clients = createAwsClients({
    region: config.AWS_REGION,
    dynamoEndpoint: config.PINGCE_DYNAMODB_ENDPOINT,
    s3Endpoint: config.PINGCE_S3_ENDPOINT,
    credentials: isLocal ? localCredentials : undefined,
    onDynamoCall: options.onDynamoCall,
  })
  const tableName = config.PINGCE_TABLE_NAME
  const onForeignRow = (row: ForeignRow) => logger.warn('index row outside its tenant dropped', { ...row })
  const bucketName = config.PINGCE_BUCKET_NAME
  const tenantClients =
    config.PINGCE_AUTH_MODE === 'cognito' && config.PINGCE_TENANT_ROLE_ARN
      ? stsTenantClients({
          roleArn: config.PINGCE_TENANT_ROLE_ARN,
          region: config.AWS_REGION,
        })
      : sharedTenantClients(clients)
  const tenants = new DynamoTenantDirectory({ doc: clients.doc, tableName })
  const identity =
    config.PINGCE_AUTH_MODE === 'cognito'
      ? new CognitoIdentityProvider({
          region: config.AWS_REGION,
          userPoolId: config.PINGCE_COGNITO_USER_POOL_ID ?? '',
          clientId: config.PINGCE_COGNITO_CLIENT_ID ?? '',
        })
      : new LocalIdentityProvider({
          credentials: new DynamoCredentialStore({ doc: clients.doc, tableName }),
          hasher: createPasswordHasher(),
          signer: createTokenSigner({ secret: config.PINGCE_TOKEN_SECRET ?? '' }),
        })
  return {
    logger,
    maxBodyBytes: config.PINGCE_MAX_BODY_BYTES,
    probes: [
      dynamoHealthProbe({ dynamo: clients.dynamo, tableName }),
      s3HealthProbe({ s3: clients.s3, bucketName }),
    ],
    identity,
    tenants,
    users: new DynamoUserStore({ clients: tenantClients, tableName }),
    org: new DynamoOrgStore({ clients: tenantClients, tableName, onForeignRow }),
    schemes: new DynamoSchemeStore({ clients: tenantClients, tableName }),
    evaluations: new DynamoEvaluationStore({ clients: tenantClients, tableName, onForeignRow }),
    scores: new DynamoScoreStore({
      clients: tenantClients,
      tableName,
      importLeaseMs: config.PINGCE_IMPORT_LEASE_SECONDS * 1000,
    }),
    results: new DynamoResultStore({ clients: tenantClients, tableName }),
    audit: new DynamoAuditLog({ clients: tenantClients, tableName, onForeignRow }),
    blobs: new S3BlobStore({ clients: tenantClients, bucketName }),
    clock: () => new Date(),
    newId: () => crypto.randomUUID(),
  }
}
