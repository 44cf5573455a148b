import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { findFreePort } from '@pingce/local-stack'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * An import is all or nothing across a real crash: the product runs as `npm start` runs it, a bulk
 * import of 3,600 cells (60 units × 60 indicators, 38 transactions) is sent, the whole process group (API, DynamoDB Local,
 * s3rver) is killed with SIGKILL at several points, the product is started again on the same data
 * directory, and the evaluation shows either all of the import or none of it. With a lease of 2 s,
 * an import cut off is undone by the next write, which then succeeds.
 */

const repoRoot = resolve(import.meta.dirname, '..')
const dataDir = mkdtempSync(join(tmpdir(), 'pingce-crash-'))
const unitCount = 60
const indicators = Array.from({ length: 60 }, (_, i) => `i${String(i + 1).padStart(2, '0')}`)
let product: { child: ChildProcess; url: string } | undefined

async function start(): Promise<{ child: ChildProcess; url: string }> {
  const port = await findFreePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/api/src/local/main.ts'], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      PINGCE_DATA_DIR: dataDir,
      PINGCE_PORT: String(port),
      PINGCE_DEMO: 'off',
      PINGCE_IMPORT_LEASE_SECONDS: '2',
      LOG_LEVEL: 'silent',
    },
  })
  let errors = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-5_000)
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the product exited: ${errors}`)
    const live = await fetch(`${url}/health/live`).catch(() => undefined)
    if (live?.ok) return { child, url }
    await new Promise((wait) => setTimeout(wait, 200))
  }
  throw new Error(`the product did not start: ${errors}`)
}

/** kill -9 of the whole process group, as a power cut or an OOM kill would. */
async function killGroup(child: ChildProcess): Promise<void> {
  const exited = new Promise((done) => child.once('exit', done))
  try {
    process.kill(-(child.pid as number), 'SIGKILL')
  } catch {}
  await exited
  // The JVM is in the group too; give the kernel a moment to release its port and files.
  await new Promise((wait) => setTimeout(wait, 300))
}

/** One request; a 429 (the per-user rate limit: a burst of 30, then 10 a second) is waited out. */
async function call(options: { method?: string; path: string; token?: string; body?: unknown }) {
  for (;;) {
    const answer = await send(options)
    if (answer.status !== 429) return answer
    await new Promise((wait) => setTimeout(wait, 200))
  }
}

async function send(options: { method?: string; path: string; token?: string; body?: unknown }) {
  const response = await fetch(`${product?.url}${options.path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : {} }
}

const bulkOf = (value: number) => ({
  scores: Array.from({ length: unitCount }, (_, u) =>
    indicators.map((key) => ({ unitId: `u${String(u).padStart(3, '0')}`, key, value })),
  ).flat(),
})

async function signIn(): Promise<string> {
  const signedIn = await call({
    path: '/auth/token',
    body: { email: 'admin@crash.example', password: 'CrashTest2026' },
  })
  return signedIn.body.accessToken as string
}

/** The distinct values of the evaluation's scores: one value means the import is all or nothing. */
async function storedValues(token: string): Promise<{ values: number[]; count: number }> {
  const { body } = await call({ path: '/evaluations/e1/scores', token })
  const scores = body.scores as { value: number }[]
  return { values: [...new Set(scores.map((score) => score.value))].sort(), count: scores.length }
}

describe('an import killed with SIGKILL at any point', () => {
  let token: string

  beforeAll(async () => {
    product = await start()
    const signedUp = await call({
      path: '/signup',
      body: {
        tenantId: 'crashcity',
        name: '测试市',
        divisionCode: '419900',
        tier: '地市',
        admin: { email: 'admin@crash.example', displayName: '管理员', password: 'CrashTest2026' },
      },
    })
    expect(signedUp.status).toBe(201)
    token = signedUp.body.token.accessToken
    await call({ method: 'PUT', path: '/groups/county', token, body: { name: '县区', sortOrder: 1 } })
    for (let u = 0; u < unitCount; u += 1) {
      const unitId = `u${String(u).padStart(3, '0')}`
      const body = { groupId: 'county', name: `单位${unitId}` }
      expect((await call({ method: 'PUT', path: `/units/${unitId}`, token, body })).status).toBe(200)
    }
    const scheme = {
      id: 'crash',
      version: 1,
      name: '六十项指标',
      decimals: 2,
      trees: { main: indicators.map((id) => ({ id, label: `指标${id}`, max: 10 })) },
      groups: [{ id: 'county', name: '县区', tree: 'main' }],
    }
    expect(
      (
        await call({
          path: '/schemes',
          token,
          body: { schemeId: 'crash', name: scheme.name, document: scheme },
        })
      ).status,
    ).toBe(201)
    const created = await call({
      path: '/evaluations',
      token,
      body: {
        evaluationId: 'e1',
        name: '2026 年度',
        period: { kind: 'year', year: 2026 },
        groups: [{ groupId: 'county', schemeId: 'crash', schemeVersion: 1 }],
      },
    })
    expect(created.status).toBe(201)
    const listed = await call({ path: '/units', token })
    expect((listed.body.units as unknown[]).length).toBe(unitCount)
    const first = await call({ path: '/evaluations/e1/scores/bulk', token, body: bulkOf(1) })
    if (first.status !== 200) throw new Error(JSON.stringify(first.body).slice(0, 600))
    expect(await storedValues(token)).toEqual({ values: [1], count: 3_600 })
  }, 180_000)

  afterAll(async () => {
    if (product) await killGroup(product.child)
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('shows all of it or none of it after each restart, and the next import goes through', async () => {
    // Prepare: how long a whole import takes here, so that the kills land inside one
    const timed = Date.now()
    expect((await call({ path: '/evaluations/e1/scores/bulk', token, body: bulkOf(2) })).status).toBe(200)
    const importMs = Date.now() - timed
    let current = 2
    const outcomes: string[] = []
    for (const [index, share] of [0.2, 0.5, 0.8].entries()) {
      const value = 3 + index
      // Act: send the import and kill everything part of the way through it
      const sent = call({ path: '/evaluations/e1/scores/bulk', token, body: bulkOf(value) }).catch(
        () => undefined,
      )
      await new Promise((wait) => setTimeout(wait, Math.round(importMs * share)))
      await killGroup((product as { child: ChildProcess }).child)
      await sent
      product = await start()
      token = await signIn()
      // Assess: all of the import or none of it, whatever the moment of the kill
      const seen = await storedValues(token)
      expect(seen.count).toBe(3_600)
      expect(seen.values.length).toBe(1)
      expect([current, value]).toContain(seen.values[0])
      outcomes.push(seen.values[0] === value ? 'all' : 'none')
      current = seen.values[0] as number
      // …and once the lease has run out, the next import undoes what was cut off and applies
      await new Promise((wait) => setTimeout(wait, 2_100))
      const next = await call({ path: '/evaluations/e1/scores/bulk', token, body: bulkOf(7 + index) })
      expect(next.status).toBe(200)
      current = 7 + index
      expect(await storedValues(token)).toEqual({ values: [current], count: 3_600 })
    }
    // At least one kill must have landed inside an import for the test to mean anything.
    expect(outcomes).toContain('none')
  }, 240_000)
})
