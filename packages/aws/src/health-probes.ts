import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import type { DependencyStatus, HealthProbe } from '@pingce/core'
import { s3HealthKey } from './object-keys'

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

/**
 * S3 answers, with our credentials, for our bucket: a GET of {@link s3HealthKey}, which needs only
 * `s3:GetObject` on that one object (and `s3:ListBucket` with exactly that prefix, without which
 * S3 answers a missing key with 403 instead of 404). Not `HeadBucket`, which needs a bucket-wide
 * `s3:ListBucket`; not `HeadObject`, whose bodiless 404 looks the same for a missing key and a
 * missing bucket. `NoSuchKey` is healthy; so is `InvalidRange` (the key exists and is empty).
 * `NoSuchBucket`, `AccessDenied`, expired credentials and timeouts are not.
 */
export function s3HealthProbe(options: { s3: S3Client; bucketName: string }): HealthProbe {
  return {
    name: 's3',
    check: () =>
      timed('s3', async () => {
        try {
          const object = await options.s3.send(
            new GetObjectCommand({ Bucket: options.bucketName, Key: s3HealthKey, Range: 'bytes=0-0' }),
            { abortSignal: AbortSignal.timeout(probeTimeoutMs) },
          )
          await object.Body?.transformToByteArray()
        } catch (error) {
          const name = (error as { name?: string }).name
          if (name === 'NoSuchKey' || name === 'InvalidRange') return
          throw error
        }
      }),
  }
}

export { s3HealthKey }
