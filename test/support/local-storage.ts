import { type AwsClients, createAwsClients, ensureStorage } from '@pingce/aws'
import { inject } from 'vitest'

export interface TestStorage {
  clients: AwsClients
  tableName: string
  bucketName: string
  dynamoEndpoint: string
  s3Endpoint: string
}

let counter = 0

/** A fresh table and bucket on the shared local stack, unique to the calling test file. */
export async function createTestStorage(): Promise<TestStorage> {
  const dynamoEndpoint = inject('dynamoEndpoint')
  const s3Endpoint = inject('s3Endpoint')
  counter += 1
  const suffix = `${process.pid}-${Date.now().toString(36)}-${counter}`
  const tableName = `pingce-test-${suffix}`
  const bucketName = `pingce-test-${suffix}`
  const clients = createAwsClients({
    region: 'cn-north-1',
    dynamoEndpoint,
    s3Endpoint,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  })
  await ensureStorage({ clients, tableName, bucketName })
  return { clients, tableName, bucketName, dynamoEndpoint, s3Endpoint }
}
