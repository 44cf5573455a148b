import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RunningProduct, startLocal } from '@pingce/api/local'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

describe('the product started locally', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pingce-product-'))
  let product: RunningProduct

  beforeAll(async () => {
    // The demo itself is covered by demo-data.test.ts; here the start path and its dependencies.
    product = await startLocal({
      isDemoSkipped: true,
      local: {
        PINGCE_PORT: 0,
        PINGCE_HOST: '127.0.0.1',
        PINGCE_DATA_DIR: dataDir,
        PINGCE_TABLE_NAME: 'pingce',
        PINGCE_BUCKET_NAME: 'pingce-local',
        LOG_LEVEL: 'silent',
        PINGCE_DEMO: 'off',
        PINGCE_IMPORT_LEASE_SECONDS: 60,
      },
    })
  })
  afterAll(async () => {
    await product?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('answers GET /health with 200, its version, and DynamoDB and S3 reachable', async () => {
    const response = await fetch(`${product.url}/health`)
    expect(response.status).toBe(200)
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    const body = (await response.json()) as {
      status: string
      version: string
      dependencies: { name: string; ok: boolean }[]
    }
    expect(body.status).toBe('ok')
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/)
    expect(body.dependencies.map((d) => [d.name, d.ok])).toEqual([
      ['dynamodb', true],
      ['s3', true],
    ])
  })

  it('serves the OpenAPI 3.1 document and its reference page', async () => {
    const document = (await (await fetch(`${product.url}/openapi.json`)).json()) as {
      openapi: string
      paths: object
    }
    expect(document.openapi).toBe('3.1.0')
    expect(Object.keys(document.paths)).toContain('/health')
    const page = await fetch(`${product.url}/docs`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('/openapi.json')
  })

  it('reports degraded with 503 when the local DynamoDB is gone', async () => {
    await product.stack.stop()
    const response = await fetch(`${product.url}/health`)
    expect(response.status).toBe(503)
    const body = (await response.json()) as { status: string; dependencies: { name: string; ok: boolean }[] }
    expect(body.status).toBe('degraded')
    expect(body.dependencies.every((d) => !d.ok)).toBe(true)
  })
})
