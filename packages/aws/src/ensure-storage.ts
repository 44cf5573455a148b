import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb'
import { CreateBucketCommand, HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3'
import { tableDefinition } from './table-definition'

/**
 * Creates the table from {@link tableDefinition} when it does not exist yet. Used by the local
 * stack on first start and by tests; in AWS the table comes from CDK with the same definition.
 * Returns whether it created the table.
 */
export async function ensureTable(options: { dynamo: DynamoDBClient; tableName: string }): Promise<boolean> {
  const { dynamo, tableName } = options
  try {
    await dynamo.send(new DescribeTableCommand({ TableName: tableName }))
    return false
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error
  }
  const def = tableDefinition
  const keyNames = [
    def.partitionKey,
    def.sortKey,
    ...def.globalIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ]
  await dynamo.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: keyNames.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: def.partitionKey, KeyType: 'HASH' },
        { AttributeName: def.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: def.globalIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    }),
  )
  await waitUntilTableExists({ client: dynamo, maxWaitTime: 30 }, { TableName: tableName })
  await dynamo.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: def.timeToLiveAttribute, Enabled: true },
    }),
  )
  return true
}

/** Creates the bucket when it does not exist yet. Returns whether it created it. */
export async function ensureBucket(options: { s3: S3Client; bucketName: string }): Promise<boolean> {
  try {
    await options.s3.send(new HeadBucketCommand({ Bucket: options.bucketName }))
    return false
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
    if (status !== 404) throw error
  }
  await options.s3.send(new CreateBucketCommand({ Bucket: options.bucketName }))
  return true
}

/** The table and the bucket, created when missing: what a local start and a test need first. */
export async function ensureStorage(options: {
  clients: { dynamo: DynamoDBClient; s3: S3Client }
  tableName: string
  bucketName: string
}): Promise<{ isTableNew: boolean; isBucketNew: boolean }> {
  const [isTableNew, isBucketNew] = await Promise.all([
    ensureTable({ dynamo: options.clients.dynamo, tableName: options.tableName }),
    ensureBucket({ s3: options.clients.s3, bucketName: options.bucketName }),
  ])
  return { isTableNew, isBucketNew }
}
