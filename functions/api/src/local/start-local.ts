import { type ServerType, serve } from '@hono/node-server'
import { createAwsClients, ensureStorage } from '@pingce/aws'
import { type LocalStack, startLocalStack } from '@pingce/local-stack'
import { createApp } from '../app'
import { loadConfig } from '../config'
import { type DemoLogin, seedDemo } from '../demo/seed-demo'
import { createDependencies } from '../dependencies'
import { createLogger } from '../logging/logger'
import type { LocalConfig } from './local-config'
import { localTokenSecret } from './local-token-secret'

/** How long requests in flight may take to finish when the product stops. */
const closeGraceMs = 2_000

/**
 * Stops accepting connections and waits for the requests in flight; after the grace period the
 * connections left (a slow client, a keep-alive socket mid-request) are dropped, so a stop never hangs.
 */
function closeServer(server: ServerType): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections()
    }, closeGraceMs)
    timer.unref()
    server.close(() => {
      clearTimeout(timer)
      resolve()
    })
    if ('closeIdleConnections' in server) server.closeIdleConnections()
  })
}

export interface RunningProduct {
  url: string
  stack: LocalStack
  /** The demo accounts (the demo is loaded on the first start of a data directory). */
  logins: DemoLogin[]
  isDemoNew: boolean
  stop(): Promise<void>
}

/**
 * The whole product on one machine: the embedded DynamoDB and S3, the table and bucket (created on
 * first start), and the same Hono app as on Lambda behind a Node HTTP server.
 */
export async function startLocal(options: {
  local: LocalConfig
  isDemoSkipped?: boolean
}): Promise<RunningProduct> {
  const { local } = options
  const stack = await startLocalStack({ dataDir: local.PINGCE_DATA_DIR })
  try {
    const config = loadConfig({
      PINGCE_TABLE_NAME: local.PINGCE_TABLE_NAME,
      PINGCE_BUCKET_NAME: local.PINGCE_BUCKET_NAME,
      PINGCE_AUTH_MODE: 'local',
      PINGCE_DYNAMODB_ENDPOINT: stack.dynamoEndpoint,
      PINGCE_S3_ENDPOINT: stack.s3Endpoint,
      AWS_REGION: 'cn-north-1',
      LOG_LEVEL: local.LOG_LEVEL,
      PINGCE_IMPORT_LEASE_SECONDS: String(local.PINGCE_IMPORT_LEASE_SECONDS),
      PINGCE_TOKEN_SECRET: localTokenSecret({ dataDir: stack.dataDir }),
    })
    const clients = createAwsClients({
      region: config.AWS_REGION,
      dynamoEndpoint: stack.dynamoEndpoint,
      s3Endpoint: stack.s3Endpoint,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    })
    await ensureStorage({
      clients,
      tableName: config.PINGCE_TABLE_NAME,
      bucketName: config.PINGCE_BUCKET_NAME,
    })
    const logger = createLogger({ level: config.LOG_LEVEL, base: { service: 'pingce-api' } })
    const deps = createDependencies({ config, logger })
    const isDemoSkipped = options.isDemoSkipped ?? local.PINGCE_DEMO === 'off'
    const demo = isDemoSkipped ? { isNew: false, logins: [] } : await seedDemo({ deps })
    const app = createApp(deps)
    const server = await new Promise<ServerType>((resolve) => {
      const started = serve({ fetch: app.fetch, port: local.PINGCE_PORT, hostname: local.PINGCE_HOST }, () =>
        resolve(started),
      )
    })
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : local.PINGCE_PORT
    let stopping: Promise<void> | undefined
    return {
      url: `http://${local.PINGCE_HOST}:${port}`,
      stack,
      logins: demo.logins,
      isDemoNew: demo.isNew,
      stop: () => {
        stopping ??= (async () => {
          await closeServer(server)
          await stack.stop()
        })()
        return stopping
      },
    }
  } catch (error) {
    await stack.stop()
    throw error
  }
}
