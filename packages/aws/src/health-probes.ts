import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3'
import type { DependencyStatus, HealthProbe } from '@pingce/core'

/** A health check must answer quickly even when a dependency hangs. */
const probeTimeoutMs = 2_000

async function timed(name: string, check: () => Promise<void>): Promise<DependencyStatus> {
  const started = performance.now()
  try {
    await check()
    return { name, ok: true, latencyMs: Math.round(performance.now() - started) }
  } catch (error) {
    const reason = (error as { name?: string }).name ?? 'Error'
    return { name, ok: false, latencyMs: Math.round(performance.now() - started), reason }
  }
}

export function dynamoHealthProbe(options: { dynamo: DynamoDBClient; tableName: string }): HealthProbe {
  return {
    name: 'dynamodb',
    check: () =>
      timed('dynamodb', async () => {
        await options.dynamo.send(new DescribeTableCommand({ TableName: options.tableName }), {
          abortSignal: AbortSignal.timeout(probeTimeoutMs),
        })
      }),
  }
}

export function s3HealthProbe(options: { s3: S3Client; bucketName: string }): HealthProbe {
  return {
    name: 's3',
    check: () =>
      timed('s3', async () => {
        await options.s3.send(new HeadBucketCommand({ Bucket: options.bucketName }), {
          abortSignal: AbortSignal.timeout(probeTimeoutMs),
        })
      }),
  }
}
