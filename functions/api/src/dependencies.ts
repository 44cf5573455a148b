import {
  createAwsClients,
  DynamoTenantDirectory,
  dynamoHealthProbe,
  S3BlobStore,
  s3HealthProbe,
} from '@pingce/aws'
import type { AppDeps } from './app'
import type { AppConfig } from './config'
import type { Logger } from './logging/logger'

/** Local endpoints take s3rver's fixed credentials; DynamoDB Local (shared db) accepts any. */
const localCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }

/** Wires the real adapters from the configuration: the same code on Lambda and locally. */
export function createDependencies(options: { config: AppConfig; logger: Logger }): AppDeps {
  const { config, logger } = options
  const isLocal = Boolean(config.PINGCE_DYNAMODB_ENDPOINT || config.PINGCE_S3_ENDPOINT)
  const clients = createAwsClients({
    region: config.AWS_REGION,
    dynamoEndpoint: config.PINGCE_DYNAMODB_ENDPOINT,
    s3Endpoint: config.PINGCE_S3_ENDPOINT,
    credentials: isLocal ? localCredentials : undefined,
  })
  const tableName = config.PINGCE_TABLE_NAME
  const bucketName = config.PINGCE_BUCKET_NAME
  return {
    logger,
    maxBodyBytes: config.PINGCE_MAX_BODY_BYTES,
    probes: [
      dynamoHealthProbe({ dynamo: clients.dynamo, tableName }),
      s3HealthProbe({ s3: clients.s3, bucketName }),
    ],
    tenants: new DynamoTenantDirectory({ doc: clients.doc, tableName }),
    blobs: new S3BlobStore({ s3: clients.s3, bucketName }),
  }
}
