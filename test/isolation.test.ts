import type { AppDeps } from '@pingce/api'
import type { Role } from '@pingce/core'
import { sampleEvaluation } from '@pingce/core/fakes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './support/test-app'

/**
 * Tenant isolation, tried route by route. Tenant A (郑州) attacks tenant B (开封) with B's ids from
 * every role it has, and unit user X attacks unit Y of its own city. Every response must refuse or
 * stay inside A, no body may contain B's (or Y's) data, and B's data must be unchanged at the end.
 * The routes are enumerated from the app itself: a route without a case fails the suite.
 */

type Attacker = 'admin' | 'evaluator' | 'supervisor' | 'unit' | 'operator'
interface Attempt {
  method: string
  path: string
  body?: unknown
  form?: FormData
  /** Statuses that count as refused; 200 is allowed only where the route is confined to A. */
  allowed: number[]
}
type Case = (ctx: { as: Attacker }) => Attempt[]

const refused = [401, 403, 404]
const bMarkers = ['开封', 'kaifeng']
const yMarker = '郑州单位乙'
const at = '2026-11-23T08:00:00.000Z'

const tenants = {
  a: {
    tenantId: 'zhengzhou',
    name: '郑州市',
    divisionCode: '410100',
    marker: '郑州',
    domain: 'zhengzhou.example',
  },
  b: {
    tenantId: 'kaifeng',
    name: '开封市',
    divisionCode: '410200',
    marker: '开封',
    domain: 'kaifeng.example',
  },
}

describe('tenant isolation on every route', () => {
  let deps: AppDeps
  let app: TestApp['app']
  const tokens: Record<'a' | 'b', Partial<Record<Attacker | 'unitY', string>>> = { a: {}, b: {} }
  const bUserIds: string[] = []
  const counts = { attempts: 0, routes: 0 }

  let send: TestApp['send']
  const call = (options: { method: string; path: string; token?: string; body?: unknown; form?: FormData }) =>
    send(options)

  async function seedTenant(key: 'a' | 'b'): Promise<void> {
    const t = tenants[key]
    const signup = await call({
      method: 'POST',
      path: '/signup',
      body: {
        tenantId: t.tenantId,
        name: t.name,
        divisionCode: t.divisionCode,
        tier: '地市',
        admin: { email: `admin@${t.domain}`, displayName: `${t.marker}管理员`, password: 'CityAdmin2026' },
      },
    })
    expect(signup.status).toBe(201)
    tokens[key].admin = JSON.parse(signup.text).token.accessToken
    const put = (path: string, body: unknown) => call({ method: 'PUT', path, body, token: tokens[key].admin })
    // Ids shared by both cities (the same strings must resolve inside each tenant) …
    expect((await put('/groups/county', { name: `${t.marker}县区`, sortOrder: 1 })).status).toBe(200)
    for (const [unitId, suffix] of [
      ['u1', '单位甲'],
      ['u2', '单位乙'],
    ]) {
      expect(
        (await put(`/units/${unitId}`, { groupId: 'county', name: `${t.marker}${suffix}` })).status,
      ).toBe(200)
    }
    // … and ids only B has, which A's callers will carry.
    if (key === 'b') {
      expect((await put('/groups/kf-group', { name: '开封专属分组', sortOrder: 2 })).status).toBe(200)
      expect((await put('/units/kf-unit', { groupId: 'kf-group', name: '开封专属单位' })).status).toBe(200)
      // Ids A's callers will write to: each must land in A's own tenant, never in B's.
      expect((await put('/groups/kf-group-w', { name: '开封写入分组', sortOrder: 3 })).status).toBe(200)
      expect((await put('/units/kf-unit-w', { groupId: 'kf-group', name: '开封写入单位' })).status).toBe(200)
    }
    const roles: [Role, string | undefined, Attacker | 'unitY'][] = [
      ['evaluator', undefined, 'evaluator'],
      ['supervisor', undefined, 'supervisor'],
      ['unit', 'u1', 'unit'],
      ['unit', 'u2', 'unitY'],
    ]
    for (const [role, unitId, name] of roles) {
      const email = `${name.toLowerCase()}@${t.domain}`
      const invited = await call({
        method: 'POST',
        path: '/users',
        token: tokens[key].admin,
        body: { email, displayName: `${t.marker}${name}`, role, unitId, temporaryPassword: 'Temporary2026' },
      })
      expect(invited.status).toBe(201)
      if (key === 'b') bUserIds.push(JSON.parse(invited.text).user.userId)
      tokens[key][name] = (await deps.identity.signIn({ email, password: 'Temporary2026' })).accessToken
    }
    const tenantId = t.tenantId
    const schemeIds = key === 'b' ? ['main', 'kf-scheme', 'kf-scheme-w'] : ['main']
    for (const schemeId of schemeIds) {
      await deps.schemes.createVersion({
        tenantId,
        scheme: {
          schemeId,
          version: 1,
          name: `${t.marker}方案`,
          document: { note: t.marker },
          createdAt: at,
          createdBy: 'seed',
        },
        audit: {
          auditId: `${schemeId}-s`,
          at,
          actorId: 'seed',
          actorRole: 'admin',
          action: 'scheme.create',
          entityType: 'scheme',
          entityId: schemeId,
        },
      })
    }
    for (const evaluationId of key === 'b' ? ['e2020', 'kf-eval'] : ['e2020']) {
      const evaluation = sampleEvaluation({ evaluationId, name: `${t.marker}评估` })
      const audit = {
        at,
        actorId: 'seed',
        actorRole: 'admin',
        entityType: 'evaluation',
        entityId: evaluationId,
        evaluationId,
      }
      await deps.evaluations.createEvaluation({
        tenantId,
        evaluation,
        audit: { ...audit, auditId: `${evaluationId}-c`, action: 'create' },
      })
      for (const unitId of ['u1', 'u2']) {
        await deps.scores.putScore({
          tenantId,
          evaluationId,
          evaluationVersion: 1,
          entry: {
            unitId,
            kind: 'score',
            key: 'info',
            value: 20,
            version: 1,
            updatedAt: at,
            updatedBy: 'seed',
          },
          expectedVersion: undefined,
          audit: { ...audit, auditId: `${evaluationId}-${unitId}`, action: 'score.put' },
        })
      }
      const row = (unitId: string, suffix: string, rank: number) => ({
        unitId,
        unitName: `${t.marker}${suffix}`,
        rank,
        isTied: false,
        total: 90 - rank,
        displayTotal: `${90 - rank}.00`,
        grade: null,
        isVetoed: false,
        previousRank: null,
        movement: null,
        values: {},
      })
      const explanation = (unitId: string, suffix: string) => ({
        unitId,
        unitName: `${t.marker}${suffix}`,
        total: 89,
        displayTotal: '89.00',
        lines: [],
        notes: [`${t.marker}${suffix}`],
      })
      await deps.evaluations.updateEvaluation({
        tenantId,
        evaluation: { ...evaluation, status: 'published', version: 2 },
        expectedVersion: 1,
        audit: { ...audit, auditId: `${evaluationId}-p`, action: 'publish' },
        publication: [
          {
            groupId: 'county',
            revision: 0,
            computedAt: at,
            group: {
              groupId: 'county',
              groupName: `${t.marker}县区`,
              schemeId: 'main',
              schemeVersion: 1,
              decimals: 2,
              indicators: [],
              rows: [row('u1', '单位甲', 1), row('u2', '单位乙', 2)],
              statistics: { count: 2, mean: 88.5, median: 88.5, gradeCounts: {} },
              explanations: { u1: explanation('u1', '单位甲'), u2: explanation('u2', '单位乙') },
            },
          },
        ],
      })
    }
  }

  /** Everything B's admin can read: must be the same before and after the attacks. */
  async function snapshotOfB(): Promise<string> {
    const token = tokens.b.admin
    const paths = [
      '/me',
      '/users',
      '/groups',
      '/units',
      '/schemes',
      '/schemes/kf-scheme',
      '/schemes/kf-scheme-w',
      '/units/kf-unit-w',
      '/evaluations',
      '/evaluations/kf-eval',
      '/evaluations/kf-eval/scores',
      '/evaluations/kf-eval/results',
      '/audit?limit=1000',
    ]
    const parts = await Promise.all(
      paths.map(async (path) => `${path} ${(await call({ method: 'GET', path, token })).text}`),
    )
    return parts.join('\n')
  }

  const bUser = () => bUserIds[0] ?? 'missing'
  const importForm = () => {
    const form = new FormData()
    form.set('groupId', 'kf-group')
    form.set('file', new File(['单位,info\n开封专属单位,1\n'], 'scores.csv', { type: 'text/csv' }))
    return form
  }
  const confined = [200, 201, ...refused, 400, 409]

  const cases: Record<string, Case> = {
    'GET /health': () => [{ method: 'GET', path: '/health', allowed: [200] }],
    'GET /health/live': () => [{ method: 'GET', path: '/health/live', allowed: [200] }],
    'GET /openapi.json': () => [{ method: 'GET', path: '/openapi.json', allowed: [200] }],
    'GET /docs': () => [{ method: 'GET', path: '/docs', allowed: [200] }],
    'GET /': () => [{ method: 'GET', path: '/', allowed: [200] }],
    'GET /favicon.ico': () => [{ method: 'GET', path: '/favicon.ico', allowed: [200] }],
    'POST /signup': () => [
      {
        method: 'POST',
        path: '/signup',
        body: {
          tenantId: 'kaifeng',
          name: '郑州冒名',
          divisionCode: '410200',
          tier: '地市',
          admin: { email: 'x@zhengzhou.example', displayName: '郑州', password: 'CityAdmin2026' },
        },
        allowed: [409],
      },
    ],
    'POST /auth/token': () => [
      {
        method: 'POST',
        path: '/auth/token',
        body: { email: 'admin@kaifeng.example', password: 'Wrong-2026-pass' },
        // After five failures the account is locked (429): still a refusal.
        allowed: [401, 429],
      },
    ],
    'GET /me': () => [{ method: 'GET', path: '/me', allowed: [200] }],
    'POST /users': () => [
      {
        method: 'POST',
        path: '/users',
        body: { email: 'admin@kaifeng.example', displayName: '郑州', role: 'evaluator' },
        allowed: [409, 403],
      },
    ],
    'GET /users': () => [{ method: 'GET', path: '/users', allowed: [200, 403] }],
    'GET /users/:userId': () => [{ method: 'GET', path: `/users/${bUser()}`, allowed: refused }],
    'POST /users/:userId/password-reset': () => [
      {
        method: 'POST',
        path: `/users/${bUser()}/password-reset`,
        body: { newPassword: 'Hijacked2026x' },
        allowed: refused,
      },
    ],
    'POST /users/:userId/disable': () => [
      { method: 'POST', path: `/users/${bUser()}/disable`, body: {}, allowed: refused },
    ],
    'GET /platform/tenants': ({ as }) => [
      // The operator's job is to see every city; everyone else is refused.
      { method: 'GET', path: '/platform/tenants', allowed: as === 'operator' ? [200] : [403] },
    ],
    // A city's callers carry B's id and are refused; the operator decides on A's own code (deciding
    // on B's would change what B reads, which the suite compares before and after).
    'POST /platform/tenants/:tenantId/division-code/confirm': ({ as }) => [
      {
        method: 'POST',
        path: `/platform/tenants/${as === 'operator' ? 'zhengzhou' : 'kaifeng'}/division-code/confirm`,
        body: { reason: '郑州' },
        allowed: as === 'operator' ? [200] : [403],
      },
    ],
    'POST /platform/tenants/:tenantId/division-code/reject': ({ as }) => [
      {
        method: 'POST',
        path: `/platform/tenants/${as === 'operator' ? 'zhengzhou' : 'kaifeng'}/division-code/reject`,
        body: { reason: '郑州' },
        allowed: as === 'operator' ? [200] : [403],
      },
    ],
    'GET /groups': () => [{ method: 'GET', path: '/groups', allowed: [200, 403] }],
    'PUT /groups/:groupId': () => [
      {
        method: 'PUT',
        path: '/groups/kf-group-w',
        body: { name: '郑州同名分组', sortOrder: 9 },
        allowed: confined,
      },
    ],
    'GET /units': () => [
      { method: 'GET', path: '/units', allowed: [200, 403] },
      { method: 'GET', path: '/units?groupId=kf-group', allowed: [200, 403] },
    ],
    'GET /units/:unitId': () => [
      { method: 'GET', path: '/units/kf-unit', allowed: refused },
      { method: 'GET', path: '/units/u2', allowed: [200, 403, 404] },
    ],
    'PUT /units/:unitId': () => [
      {
        method: 'PUT',
        path: '/units/kf-unit-w',
        body: { groupId: 'county', name: '郑州同名单位' },
        allowed: confined,
      },
    ],
    'GET /schemes': () => [{ method: 'GET', path: '/schemes', allowed: [200, 403] }],
    'POST /schemes': () => [
      {
        method: 'POST',
        path: '/schemes',
        body: { schemeId: 'kf-scheme-w', name: '郑州', document: {} },
        allowed: confined,
      },
    ],
    'PUT /schemes/:schemeId': () => [
      {
        method: 'PUT',
        path: '/schemes/kf-scheme-w',
        body: { basedOnVersion: 1, document: {} },
        allowed: confined,
      },
    ],
    'GET /schemes/:schemeId': () => [{ method: 'GET', path: '/schemes/kf-scheme', allowed: refused }],
    'GET /schemes/:schemeId/versions/:version': () => [
      { method: 'GET', path: '/schemes/kf-scheme/versions/1', allowed: refused },
    ],
    'GET /evaluations': () => [{ method: 'GET', path: '/evaluations', allowed: [200, 403] }],
    'POST /evaluations': () => [
      {
        method: 'POST',
        path: '/evaluations',
        body: {
          evaluationId: 'stolen',
          name: '郑州',
          period: { kind: 'year', year: 2020 },
          groups: [{ groupId: 'kf-group', schemeId: 'kf-scheme', schemeVersion: 1 }],
          previousEvaluationId: 'kf-eval',
        },
        allowed: [400, 403],
      },
    ],
    'GET /evaluations/:evaluationId': () => [
      { method: 'GET', path: '/evaluations/kf-eval', allowed: refused },
    ],
    'POST /evaluations/:evaluationId/transitions': () => [
      {
        method: 'POST',
        path: '/evaluations/kf-eval/transitions',
        body: { action: 're-evaluate', expectedVersion: 2, reason: '郑州' },
        allowed: refused,
      },
    ],
    'GET /evaluations/:evaluationId/scores': () => [
      { method: 'GET', path: '/evaluations/kf-eval/scores', allowed: refused },
      { method: 'GET', path: '/evaluations/e2020/scores?unitId=u2', allowed: [200, 403] },
    ],
    'PUT /evaluations/:evaluationId/scores': () => [
      {
        method: 'PUT',
        path: '/evaluations/kf-eval/scores',
        body: { unitId: 'kf-unit', key: 'info', value: 0, expectedVersion: 1 },
        allowed: refused,
      },
    ],
    'POST /evaluations/:evaluationId/scores/bulk': () => [
      {
        method: 'POST',
        path: '/evaluations/kf-eval/scores/bulk',
        body: { scores: [{ unitId: 'kf-unit', key: 'info', value: 0 }] },
        allowed: refused,
      },
    ],
    'POST /evaluations/:evaluationId/scores/import': () => [
      { method: 'POST', path: '/evaluations/kf-eval/scores/import', form: importForm(), allowed: refused },
    ],
    'GET /evaluations/:evaluationId/results': () => [
      { method: 'GET', path: '/evaluations/kf-eval/results', allowed: refused },
      { method: 'GET', path: '/evaluations/e2020/results', allowed: [200, 403] },
    ],
    'GET /evaluations/:evaluationId/units/:unitId/explanation': ({ as }) => [
      { method: 'GET', path: '/evaluations/kf-eval/units/kf-unit/explanation', allowed: refused },
      // Unit user X asking for unit Y of its own city.
      {
        method: 'GET',
        path: '/evaluations/e2020/units/u2/explanation',
        allowed: as === 'unit' ? refused : [200, 403],
      },
    ],
    'GET /audit': () => [{ method: 'GET', path: '/audit?evaluationId=kf-eval', allowed: [200, 403] }],
  }

  beforeAll(async () => {
    ;({ deps, app, send } = await createTestApp({ isRateLimited: false }))
    await seedTenant('b')
    await seedTenant('a')
    await deps.identity.createIdentity({
      tenantId: undefined,
      userId: 'operator',
      email: 'operator@pingce.example',
      role: 'platform-operator',
      unitId: undefined,
      password: 'Operator2026x',
    })
    tokens.a.operator = (
      await deps.identity.signIn({ email: 'operator@pingce.example', password: 'Operator2026x' })
    ).accessToken
  }, 120_000)

  afterAll(() => {
    console.info(`isolation: ${counts.routes} routes, ${counts.attempts} attempts`)
  })

  it('has a case for every route of the app, and every route is in the OpenAPI document', async () => {
    const routes = new Set(
      app.routes.filter((route) => route.method !== 'ALL').map((r) => `${r.method} ${r.path}`),
    )
    const missing = [...routes].filter((route) => !cases[route])
    expect(missing, 'routes without an isolation case').toEqual([])
    const document = JSON.parse((await call({ method: 'GET', path: '/openapi.json' })).text) as {
      paths: Record<string, Record<string, unknown>>
    }
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map(
          (method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
        ),
      ),
    )
    const undocumented = [...routes].filter(
      (route) => !documented.has(route) && !['GET /openapi.json', 'GET /docs', 'GET /'].includes(route),
    )
    expect(undocumented, 'routes missing from the OpenAPI document').toEqual([])
  })

  it('refuses A’s callers carrying B’s ids, and unit X carrying unit Y’s, without leaking either', async () => {
    const before = await snapshotOfB()
    expect(before).toContain('开封专属单位')
    const attackers: Attacker[] = ['admin', 'evaluator', 'supervisor', 'unit', 'operator']
    const failures: string[] = []
    for (const [route, build] of Object.entries(cases)) {
      counts.routes += 1
      for (const as of attackers) {
        for (const attempt of build({ as })) {
          counts.attempts += 1
          const token = tokens.a[as]
          const result = await call({ ...attempt, ...(token ? { token } : {}) })
          const where = `${route} as ${as}: ${attempt.method} ${attempt.path} → ${result.status}`
          if (!attempt.allowed.includes(result.status))
            failures.push(`${where} (expected ${attempt.allowed.join('/')}) ${result.text.slice(0, 200)}`)
          const isOperatorList = as === 'operator' && route === 'GET /platform/tenants'
          if (!isOperatorList && bMarkers.some((marker) => result.text.includes(marker)))
            failures.push(`${where} leaked B`)
          if (as === 'unit' && result.text.includes(yMarker)) failures.push(`${where} leaked unit Y`)
        }
      }
    }
    expect(failures).toEqual([])
    expect(await snapshotOfB()).toBe(before)
    expect(counts.attempts).toBeGreaterThanOrEqual(Object.keys(cases).length * attackers.length)
  })

  it('lets unit user Y still see its own row, so the refusals above are about the caller, not the data', async () => {
    const own = await call({
      method: 'GET',
      path: '/evaluations/e2020/units/u2/explanation',
      token: tokens.a.unitY,
    })
    expect(own.status).toBe(200)
    expect(own.text).toContain(yMarker)
    const results = await call({ method: 'GET', path: '/evaluations/e2020/results', token: tokens.a.unitY })
    expect(results.text).toContain(yMarker)
    expect(results.text).not.toContain('郑州单位甲')
  })
})
