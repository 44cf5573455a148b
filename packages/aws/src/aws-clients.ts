import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { S3Client } from '@aws-sdk/client-s3'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'

export interface AwsClientOptions {
  region: string
  /** Set locally to reach DynamoDB Local / s3rver; absent on Lambda. */
  dynamoEndpoint?: string | undefined
  s3Endpoint?: string | undefined
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined
  /** Called once per DynamoDB operation sent (retries excluded): how benchmarks count calls per request. */
  onDynamoCall?: ((commandName: string) => void) | undefined
}

export interface AwsClients {
  dynamo: DynamoDBClient
  doc: DynamoDBDocumentClient
  s3: S3Client
}

/**
 * The same SDK clients on Lambda and locally; only the endpoint differs. Against s3rver the SDK's
 * default aws-chunked upload with a checksum trailer would be stored verbatim, so checksums are sent
 * only when an operation requires them (harmless on real S3).
 */
export function createAwsClients(options: AwsClientOptions): AwsClients {
  const common = {
    region: options.region,
    ...(options.credentials ? { credentials: options.credentials } : {}),
  }
  const dynamo = new DynamoDBClient({
    ...common,
    ...(options.dynamoEndpoint ? { endpoint: options.dynamoEndpoint } : {}),
  })
  const onDynamoCall = options.onDynamoCall
  if (onDynamoCall) {
    dynamo.middlewareStack.add(
      (next, context) => (args) => {
        onDynamoCall(String(context.commandName))
        return next(args)
      },
      { step: 'initialize', name: 'pingceCountCalls' },
    )
  }
  const doc = DynamoDBDocumentClient.from(dynamo, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  })
  const s3 = new S3Client({
    ...common,
    ...(options.s3Endpoint ? { endpoint: options.s3Endpoint, forcePathStyle: true } : {}),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  return { dynamo, doc, s3 }
}
