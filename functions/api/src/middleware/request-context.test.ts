import type { IdentityProvider } from '@pingce/core'
import { Hono } from 'hono'
import { handle } from 'hono/aws-lambda'
import { describe, expect, it } from 'vitest'
import type { AppEnv } from '../app-env'
import { authenticate } from '../auth/authenticate'
import { createLogger } from '../logging/logger'
import { requestContext } from './request-context'

/** Verifies any bearer token as an evaluator of 郑州; no token, no caller. */
const identity = {
  verify: async (options: { token: string | undefined }) => {
    if (!options.token) throw new Error('no token')
    return {
      userId: 'u-2',
      email: 'li@zhengzhou.gov.cn',
      role: 'evaluator',
      tenantId: 'zhengzhou',
      unitId: undefined,
    }
  },
} as unknown as IdentityProvider

/** The middleware as the app mounts it, a public route and tenant routes, one of which fails. */
function tinyApp() {
  const lines: string[] = []
  const logger = createLogger({ level: 'debug', write: (line) => lines.push(line) })
  const app = new Hono<AppEnv>()
  app.use(requestContext({ logger }))
  // As the app's error handler does: the error line goes through the request's logger.
  app.onError((error, c) => {
    c.get('logger').error('unhandled error', { error: error.name, message: error.message })
    return c.json({ error: { status: 500, requestId: c.get('requestId') } }, 500)
  })
  app.get('/health/live', (c) => c.json({ status: 'ok' }))
  const tenant = new Hono<AppEnv>()
  tenant.use(authenticate({ identity }))
  tenant.get('/evaluations/:evaluationId', (c) => {
    c.get('logger').debug('reading', { evaluationId: c.req.param('evaluationId') })
    return c.json({ id: c.req.param('evaluationId') })
  })
  tenant.post('/evaluations/:evaluationId/publish', () => {
    throw new Error('store down')
  })
  app.route('/', tenant)
  const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>)
  return { app, records }
}

/** What `hono/aws-lambda` passes as bindings: the API Gateway event and the Lambda context. */
function lambdaBindings(awsRequestId: string) {
  return {
    event: { version: '2.0', requestContext: { requestId: `apigw-${awsRequestId}` } },
    lambdaContext: { awsRequestId, functionName: 'pingce-api' },
  }
}

const signedIn = { headers: { authorization: 'Bearer abc.def.ghi', 'x-request-id': 'caller-id-12345' } }

describe('the request context', () => {
  it('puts the request id, the Lambda request id, the cold start, the route and the tenant on every line', async () => {
    const { app, records } = tinyApp()

    const first = await app.request('/evaluations/zz-2016', signedIn, lambdaBindings('abc'))
    const second = await app.request(
      '/evaluations/zz-2016/publish',
      { ...signedIn, method: 'POST' },
      lambdaBindings('def'),
    )

    expect(first.status).toBe(200)
    expect(second.status).toBe(500)
    expect(second.headers.get('x-request-id')).toBe('caller-id-12345')
    const lines = records()
    expect(lines.map((line) => line.message)).toEqual(['reading', 'request', 'unhandled error', 'request'])
    for (const line of lines.slice(0, 2)) {
      expect(line).toMatchObject({
        requestId: 'caller-id-12345',
        function_request_id: 'abc',
        cold_start: true,
        method: 'GET',
        route: '/evaluations/:evaluationId',
        tenantId: 'zhengzhou',
      })
    }
    for (const line of lines.slice(2)) {
      expect(line).toMatchObject({
        requestId: 'caller-id-12345',
        function_request_id: 'def',
        cold_start: false,
        method: 'POST',
        route: '/evaluations/:evaluationId/publish',
        tenantId: 'zhengzhou',
      })
    }
    expect(lines[1]).toMatchObject({ level: 'info', path: '/evaluations/zz-2016', status: 200 })
    expect(lines[2]).toMatchObject({ level: 'error', error: 'Error', field_message: 'store down' })
    expect(lines[3]).toMatchObject({ path: '/evaluations/zz-2016/publish', status: 500 })
  })

  it('counts the cold start once per app, whatever the requests', async () => {
    const { app, records } = tinyApp()
    for (const id of ['a1', 'a2', 'a3']) await app.request('/health/live', {}, lambdaBindings(id))
    expect(records().map((line) => [line.function_request_id, line.cold_start])).toEqual([
      ['a1', true],
      ['a2', false],
      ['a3', false],
    ])
  })

  it('leaves the Lambda fields out outside Lambda, the tenant before a token is verified, the route on a 404', async () => {
    const { app, records } = tinyApp()

    await app.request('/health/live')
    const refused = await app.request('/evaluations/zz-2016')
    await app.request('/nowhere', signedIn)

    expect(refused.status).toBe(500)
    const [health, ...rest] = records()
    expect(health).toMatchObject({ message: 'request', method: 'GET', route: '/health/live', status: 200 })
    expect(health?.requestId).toMatch(/^[0-9a-f-]{36}$/)
    for (const line of records()) {
      expect(line).not.toHaveProperty('function_request_id')
      expect(line).not.toHaveProperty('cold_start')
      expect(line.requestId).toEqual(expect.any(String))
    }
    expect(
      records()
        .slice(0, 3)
        .filter((line) => 'tenantId' in line),
    ).toEqual([])
    // A token that did not verify: the error and request lines name the route but no tenant.
    expect(rest.slice(0, 2).map((line) => [line.message, line.route])).toEqual([
      ['unhandled error', '/evaluations/:evaluationId'],
      ['request', '/evaluations/:evaluationId'],
    ])
    // Signed in, but no route matched: the tenant and no route field.
    expect(rest.at(-1)).toMatchObject({
      message: 'request',
      path: '/nowhere',
      status: 404,
      tenantId: 'zhengzhou',
    })
    expect(rest.at(-1)).not.toHaveProperty('route')
  })

  it('reads the Lambda context where hono/aws-lambda puts it', async () => {
    const { app, records } = tinyApp()
    const handler = handle(app)
    const event = {
      version: '2.0',
      routeKey: '$default',
      rawPath: '/health/live',
      rawQueryString: '',
      headers: { host: 'abc123.execute-api.ap-east-1.amazonaws.com' },
      requestContext: {
        http: {
          method: 'GET',
          path: '/health/live',
          protocol: 'HTTP/1.1',
          sourceIp: '127.0.0.1',
          userAgent: 'vitest',
        },
        requestId: 'apigw-1',
        routeKey: '$default',
        stage: '$default',
      },
      isBase64Encoded: false,
    }
    const result = (await handler(event as never, { awsRequestId: 'lambda-req-1' } as never)) as {
      statusCode: number
    }
    expect(result.statusCode).toBe(200)
    expect(records()).toEqual([
      expect.objectContaining({
        function_request_id: 'lambda-req-1',
        cold_start: true,
        route: '/health/live',
      }),
    ])
  })
})
