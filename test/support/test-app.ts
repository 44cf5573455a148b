import { type AppDeps, createApp, createDependencies, createLogger, loadConfig } from '@pingce/api'
import { createTestStorage } from './local-storage'

export interface TestApp {
  deps: AppDeps
  app: ReturnType<typeof createApp>
  /** Sends JSON (or a form) with an optional bearer token; POST when there is a body, else GET. */
  send(options: { method?: string; path: string; token?: string; body?: unknown; form?: FormData }): Promise<{
    status: number
    text: string
  }>
}

/**
 * The real app with the real adapters, on a fresh table and bucket of the shared local stack: what
 * the integration tests drive over `app.request()`.
 */
export async function createTestApp(options: { isRateLimited?: boolean } = {}): Promise<TestApp> {
  const storage = await createTestStorage()
  const config = loadConfig({
    PINGCE_TABLE_NAME: storage.tableName,
    PINGCE_BUCKET_NAME: storage.bucketName,
    PINGCE_DYNAMODB_ENDPOINT: storage.dynamoEndpoint,
    PINGCE_S3_ENDPOINT: storage.s3Endpoint,
    PINGCE_TOKEN_SECRET: 'integration-test-secret-of-at-least-32-chars',
    LOG_LEVEL: 'silent',
  })
  const deps: AppDeps = {
    ...createDependencies({ config, logger: createLogger({ level: 'silent' }) }),
    ...(options.isRateLimited === false ? { rateLimit: { capacity: 10_000, refillPerSecond: 10_000 } } : {}),
  }
  const app = createApp(deps)
  const send: TestApp['send'] = async ({ method, path, token, body, form }) => {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {}
    let payload: RequestInit['body']
    if (form) payload = form
    else if (body !== undefined) {
      headers['content-type'] = 'application/json'
      payload = JSON.stringify(body)
    }
    const response = await app.request(path, {
      method: method ?? (payload ? 'POST' : 'GET'),
      headers,
      ...(payload ? { body: payload } : {}),
    })
    return { status: response.status, text: await response.text() }
  }
  return { deps, app, send }
}
