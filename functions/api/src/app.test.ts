import { createRoute, z } from '@hono/zod-openapi'
import { describe, expect, it } from 'vitest'
import { fakeProbe, testDeps } from '../test/test-deps'
import { createApp } from './app'

/** A signed-in evaluator of a test city. */
async function bearer(deps: ReturnType<typeof testDeps>): Promise<Record<string, string>> {
  await deps.identity.createIdentity({
    tenantId: 'zhengzhou',
    userId: 'u-eval',
    email: 'eval@zz.gov.cn',
    role: 'evaluator',
    unitId: undefined,
    password: 'Evaluator2026',
  })
  const { accessToken } = await deps.identity.signIn({ email: 'eval@zz.gov.cn', password: 'Evaluator2026' })
  return { authorization: `Bearer ${accessToken}` }
}

describe('createApp', () => {
  it('reports health 200 with the version when every dependency answers', async () => {
    const app = createApp(testDeps())
    const response = await app.request('/health')
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      status: 'ok',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      dependencies: [
        { name: 'dynamodb', ok: true },
        { name: 's3', ok: true },
      ],
    })
  })

  it('reports degraded 503 naming the dependency that does not answer', async () => {
    const app = createApp(testDeps({ probes: [fakeProbe('dynamodb', true), fakeProbe('s3', false)] }))
    const response = await app.request('/health')
    expect(response.status).toBe(503)
    expect(await response.json()).toMatchObject({
      status: 'degraded',
      dependencies: [{ ok: true }, { ok: false, reason: 'TimeoutError' }],
    })
  })

  it('answers anonymous callers of anything but the public routes with 401 in the one error format', async () => {
    const app = createApp(testDeps())
    const response = await app.request('/nowhere')
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ error: { status: 401, code: 'UNAUTHORIZED' } })
  })

  it('answers unknown routes with the one error format and a request id', async () => {
    const deps = testDeps()
    const app = createApp(deps)
    const response = await app.request('/nowhere', { headers: await bearer(deps) })
    expect(response.status).toBe(404)
    const body = (await response.json()) as { error: { requestId: string } }
    expect(body).toMatchObject({ error: { status: 404, code: 'NOT_FOUND', message: '未找到该资源' } })
    expect(response.headers.get('x-request-id')).toBe(body.error.requestId)
  })

  it('keeps a sane caller request id and logs one JSON line per request with it', async () => {
    const deps = testDeps()
    const app = createApp(deps)
    const response = await app.request('/health', { headers: { 'X-Request-Id': 'caller-id-12345' } })
    expect(response.headers.get('x-request-id')).toBe('caller-id-12345')
    const entry = JSON.parse(deps.lines.at(-1) ?? '{}')
    expect(entry).toMatchObject({
      level: 'info',
      message: 'request',
      requestId: 'caller-id-12345',
      path: '/health',
      status: 200,
    })
    const forged = await app.request('/health', {
      headers: { 'X-Request-Id': 'bad id with spaces and {json}' },
    })
    expect(forged.headers.get('x-request-id')).not.toContain('bad')
  })

  it('turns zod failures into 400 with field issues', async () => {
    const deps = testDeps()
    const app = createApp(deps)
    app.openapi(
      createRoute({
        method: 'post',
        path: '/echo',
        request: {
          body: { content: { 'application/json': { schema: z.object({ name: z.string().min(2) }) } } },
        },
        responses: { 200: { description: 'ok' } },
      }),
      (c) => c.json(c.req.valid('json'), 200),
    )
    const response = await app.request('/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await bearer(deps)) },
      body: JSON.stringify({ name: 'x' }),
    })
    expect(response.status).toBe(400)
    const body = (await response.json()) as {
      error: { code: string; issues: { path: string; message: string }[] }
    }
    expect(body.error.code).toBe('VALIDATION_FAILED')
    expect(body.error.issues[0]?.path).toBe('name')
  })

  it('refuses bodies over the limit with 413', async () => {
    const app = createApp(testDeps({ maxBodyBytes: 64 }))
    const response = await app.request('/health', {
      method: 'POST',
      body: 'x'.repeat(65),
      headers: { 'content-length': '65' },
    })
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } })
  })

  it('hides unexpected errors behind a 500 and logs them', async () => {
    const deps = testDeps()
    const app = createApp(deps)
    app.get('/boom', () => {
      throw new Error('secret table pingce-prod exploded')
    })
    const response = await app.request('/boom', { headers: await bearer(deps) })
    expect(response.status).toBe(500)
    const text = await response.text()
    expect(text).not.toContain('pingce-prod')
    expect(text).toContain('INTERNAL_ERROR')
    expect(deps.lines.some((line) => line.includes('pingce-prod'))).toBe(true)
  })

  it('serves /favicon.ico publicly as a small SVG icon', async () => {
    const app = createApp(testDeps())
    const response = await app.request('/favicon.ico')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/svg+xml')
    expect(response.headers.get('cache-control')).toContain('max-age')
    const icon = await response.text()
    expect(icon).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
    expect(icon.length).toBeLessThan(1024)
  })

  it('publishes an OpenAPI 3.1 document with the error schema and a reference page', async () => {
    const app = createApp(testDeps())
    const document = (await (await app.request('/openapi.json')).json()) as {
      openapi: string
      paths: Record<string, unknown>
      components: { schemas: Record<string, unknown> }
    }
    expect(document.openapi).toBe('3.1.0')
    expect(document.paths['/health']).toBeDefined()
    expect(document.components.schemas.ErrorResponse).toBeDefined()
    expect((await app.request('/docs')).status).toBe(200)
  })
})
