import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { lockDataDir } from './data-dir-lock'
import { startDynamoDbLocal } from './dynamodb-local'
import { startS3Local } from './s3-local'

export interface LocalStack {
  dynamoEndpoint: string
  s3Endpoint: string
  /** Where the data lives; a temporary folder that `stop` removes when the stack is ephemeral. */
  dataDir: string
  stop(): Promise<void>
}

/**
 * Starts the embedded AWS of the product: Amazon DynamoDB Local and s3rver on loopback ports.
 * With `dataDir` the data survives a restart (`<dataDir>/dynamodb`, `<dataDir>/s3`) and the folder
 * is locked against a second instance; without it everything is thrown away on stop (tests).
 */
export async function startLocalStack(
  options: { dataDir?: string; dynamoPort?: number; s3Port?: number } = {},
): Promise<LocalStack> {
  const isEphemeral = options.dataDir === undefined
  const dataDir = options.dataDir ? resolve(options.dataDir) : mkdtempSync(join(tmpdir(), 'pingce-'))
  mkdirSync(join(dataDir, 'dynamodb'), { recursive: true })
  mkdirSync(join(dataDir, 's3'), { recursive: true })
  const release = isEphemeral ? () => {} : lockDataDir({ dataDir })
  try {
    const [dynamoStart, s3Start] = await Promise.allSettled([
      startDynamoDbLocal({
        ...(isEphemeral ? {} : { dbPath: join(dataDir, 'dynamodb') }),
        ...(options.dynamoPort ? { port: options.dynamoPort } : {}),
      }),
      startS3Local({ directory: join(dataDir, 's3'), ...(options.s3Port ? { port: options.s3Port } : {}) }),
    ])
    if (dynamoStart.status === 'rejected' || s3Start.status === 'rejected') {
      // Whatever did start must not outlive a failed start.
      if (dynamoStart.status === 'fulfilled') await dynamoStart.value.stop()
      if (s3Start.status === 'fulfilled') await s3Start.value.stop()
      throw dynamoStart.status === 'rejected' ? dynamoStart.reason : (s3Start as PromiseRejectedResult).reason
    }
    const dynamo = dynamoStart.value
    const s3 = s3Start.value
    let stopped: Promise<void> | undefined
    return {
      dynamoEndpoint: dynamo.endpoint,
      s3Endpoint: s3.endpoint,
      dataDir,
      stop: () => {
        stopped ??= (async () => {
          await Promise.allSettled([dynamo.stop(), s3.stop()])
          release()
          if (isEphemeral) rmSync(dataDir, { recursive: true, force: true })
        })()
        return stopped
      },
    }
  } catch (error) {
    release()
    throw error
  }
}
