import { kaifeng2020 } from '@pingce/scoring'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './support/test-app'

/**
 * The whole flow over HTTP on the local stack, as a city would walk it: sign up → scheme → groups
 * and units → evaluation → scores by XLSX import → review → publish → results and explanations,
 * then a re-evaluation. The data is 开封 2020's county table (annex 1).
 */

const counties = kaifeng2020.printed.filter((row) => row.groupId === 'county')
const indicatorIds = Object.keys(counties[0]?.values ?? {})

async function workbook(rows: (string | number)[][]): Promise<Blob> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('县区')
  for (const row of rows) sheet.addRow(row)
  return new Blob([await book.xlsx.writeBuffer()])
}

describe('a city’s evaluation, end to end over HTTP', () => {
  let app: TestApp['app']
  let admin: string
  let evaluator: string
  let supervisor: string
  const unitIds = new Map<string, string>()

  let send: TestApp['send']
  const call = async (options: {
    method?: string
    path: string
    token: string
    body?: unknown
    form?: FormData
  }) => {
    const response = await send(options)
    return {
      status: response.status,
      body: JSON.parse(response.text) as Record<string, unknown> & { [key: string]: never },
    }
  }
  const importXlsx = async (token: string, file: Blob) => {
    const form = new FormData()
    form.set('groupId', 'county')
    form.set('file', new File([file], '开封县区得分.xlsx'))
    return call({ method: 'POST', path: '/evaluations/kf-flow/scores/import', token, form })
  }

  beforeAll(async () => {
    ;({ app, send } = await createTestApp())
  })

  it('signs the city up and sets up scheme, groups, units and users', async () => {
    const signup = await app.request('/signup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        tenantId: 'kaifeng',
        name: '开封市',
        divisionCode: '410200',
        tier: '地市',
        admin: {
          email: 'admin@kaifeng.gov.example',
          displayName: '开封市电子政务办',
          password: 'Kaifeng-2020-admin',
        },
      }),
    })
    expect(signup.status).toBe(201)
    admin = ((await signup.json()) as { token: { accessToken: string } }).token.accessToken

    const badScheme = await call({
      path: '/schemes',
      token: admin,
      body: { schemeId: 'kf', name: '开封', document: { ...(kaifeng2020.scheme as object), groups: [] } },
    })
    expect(badScheme.status).toBe(400)
    const scheme = await call({
      path: '/schemes',
      token: admin,
      body: { schemeId: 'kf', name: '开封 2020', document: kaifeng2020.scheme },
    })
    expect(scheme.status).toBe(201)

    expect(
      (
        await call({
          method: 'PUT',
          path: '/groups/county',
          token: admin,
          body: { name: '县区', sortOrder: 1 },
        })
      ).status,
    ).toBe(200)
    for (const [index, row] of counties.entries()) {
      const unitId = `kf-c${index + 1}`
      unitIds.set(row.unitId, unitId)
      const unit = await call({
        method: 'PUT',
        path: `/units/${unitId}`,
        token: admin,
        body: { groupId: 'county', name: row.unitId },
      })
      expect(unit.status).toBe(200)
    }
    for (const role of ['evaluator', 'supervisor'] as const) {
      const invited = await call({
        path: '/users',
        token: admin,
        body: {
          email: `${role}@kaifeng.gov.example`,
          displayName: role,
          role,
          temporaryPassword: 'Temporary-2020',
        },
      })
      expect(invited.status).toBe(201)
      const signIn = await app.request('/auth/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `${role}@kaifeng.gov.example`, password: 'Temporary-2020' }),
      })
      const token = ((await signIn.json()) as { accessToken: string }).accessToken
      if (role === 'evaluator') evaluator = token
      else supervisor = token
    }
    const evaluation = await call({
      path: '/evaluations',
      token: admin,
      body: {
        evaluationId: 'kf-flow',
        name: '2020 年度县区政府网站绩效评估',
        period: { kind: 'year', year: 2020 },
        groups: [{ groupId: 'county', schemeId: 'kf', schemeVersion: 1 }],
      },
    })
    expect(evaluation.status).toBe(201)
    expect(evaluation.body.status).toBe('draft')
  })

  it('reports every bad row of an import with its row number and imports nothing', async () => {
    const header = ['单位', ...indicatorIds]
    const rows = counties.map((row) => [row.unitId, ...indicatorIds.map((id) => row.values[id] ?? 0)])
    const broken = structuredClone(rows)
    broken[2]![3] = '四点五'
    broken[5]![0] = '不存在县'
    const response = await importXlsx(evaluator, await workbook([header, ...broken]))
    expect(response.status).toBe(400)
    const issues = (response.body.error as unknown as { issues: { path: string; message: string }[] }).issues
    expect(issues.map((issue) => issue.path)).toEqual([`rows.4.${indicatorIds[2]}`, 'rows.7.单位'])
    const scores = await call({ path: '/evaluations/kf-flow/scores', token: supervisor })
    expect(scores.body.scores).toEqual([])
  })

  it('imports the county sheet once, however often it is sent', async () => {
    const header = ['单位', ...indicatorIds.map((id) => `${id}`), '总分']
    const rows = counties.map((row) => [
      row.unitId,
      ...indicatorIds.map((id) => row.values[id] ?? 0),
      row.total,
    ])
    const file = await workbook([header, ...rows])
    const first = await importXlsx(evaluator, file)
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({
      entryCount: counties.length * (indicatorIds.length + 1),
      alreadyApplied: false,
    })
    const again = await importXlsx(evaluator, file)
    expect(again.body).toMatchObject({ importId: first.body.importId, alreadyApplied: true })
  })

  it('keeps a concurrent edit from overwriting another: the second gets 409 with the current value', async () => {
    const unitId = unitIds.get('杞县')
    const scores = await call({ path: `/evaluations/kf-flow/scores?unitId=${unitId}`, token: evaluator })
    const current = (scores.body.scores as unknown as { key: string; version: number; value: number }[]).find(
      (score) => score.key === '解读回应',
    )
    expect(current).toBeDefined()
    const edit = (value: number) =>
      call({
        method: 'PUT',
        path: '/evaluations/kf-flow/scores',
        token: evaluator,
        body: { unitId, key: '解读回应', value, expectedVersion: current?.version },
      })
    const first = await edit(4)
    const second = await edit(3)
    expect(first.status).toBe(200)
    expect(second.status).toBe(409)
    expect(
      (second.body.error as unknown as { details: { current: { value: number } } }).details.current.value,
    ).toBe(4)
    // Back to the published figure so that the totals below are the circular's.
    const restore = await call({
      method: 'PUT',
      path: '/evaluations/kf-flow/scores',
      token: evaluator,
      body: { unitId, key: '解读回应', value: current?.value, expectedVersion: (current?.version ?? 0) + 1 },
    })
    expect(restore.status).toBe(200)
  })

  it('goes through review to publication; scores are then frozen', async () => {
    const supervisorTry = await call({
      path: '/evaluations/kf-flow/transitions',
      token: supervisor,
      body: { action: 'submit-for-review', expectedVersion: 1 },
    })
    expect(supervisorTry.status).toBe(403)
    const preview = await call({ path: '/evaluations/kf-flow/results?preview=true', token: supervisor })
    expect(preview.body.status).toBe('preview')
    const review = await call({
      path: '/evaluations/kf-flow/transitions',
      token: admin,
      body: { action: 'submit-for-review', expectedVersion: 1 },
    })
    expect(review.body.status).toBe('in-review')
    const stale = await call({
      path: '/evaluations/kf-flow/transitions',
      token: admin,
      body: { action: 'publish', expectedVersion: 1 },
    })
    expect(stale.status).toBe(409)
    const published = await call({
      path: '/evaluations/kf-flow/transitions',
      token: admin,
      body: { action: 'publish', expectedVersion: 2 },
    })
    expect(published.body).toMatchObject({ status: 'published', revision: 0 })
    const frozen = await call({
      method: 'PUT',
      path: '/evaluations/kf-flow/scores',
      token: evaluator,
      body: { unitId: unitIds.get('杞县'), key: '解读回应', value: 5, expectedVersion: 3 },
    })
    expect(frozen.status).toBe(409)
  })

  it('publishes the circular’s ranks, totals and 优秀 grades, with an explanation for every unit', async () => {
    const results = await call({ path: '/evaluations/kf-flow/results', token: supervisor })
    expect(results.body.status).toBe('published')
    const [group] = results.body.groups as unknown as {
      rows: {
        unitId: string
        unitName: string
        rank: number
        displayTotal: string
        grade: string | null
        reconciliation?: unknown
      }[]
      statistics: { mean: number }
    }[]
    for (const printed of counties) {
      const row = group?.rows.find((candidate) => candidate.unitName === printed.unitId)
      expect(row?.rank, printed.unitId).toBe(printed.rank)
      expect(row?.displayTotal, printed.unitId).toBe(printed.total.toFixed(2))
      expect(row?.reconciliation).toBeUndefined()
    }
    expect(group?.rows.filter((row) => row.grade === '优秀')).toHaveLength(4)
    expect(group?.statistics.mean.toFixed(1)).toBe('88.6')
    const explanation = await call({
      path: `/evaluations/kf-flow/units/${unitIds.get('杞县')}/explanation`,
      token: supervisor,
    })
    expect(explanation.body.displayTotal).toBe('94.10')
    const lines = explanation.body.lines as unknown as { depth: number; exactPoints: number }[]
    expect(
      lines.filter((line) => line.depth === 0).reduce((sum, line) => sum + line.exactPoints, 0),
    ).toBeCloseTo(94.1, 9)
  })

  it('re-evaluates as a new revision with its reason, keeping revision 0 published, all in the audit trail', async () => {
    const reopened = await call({
      path: '/evaluations/kf-flow/transitions',
      token: admin,
      body: { action: 're-evaluate', expectedVersion: 3, reason: '复查复评：杞县申诉' },
    })
    expect(reopened.body).toMatchObject({
      status: 'draft',
      revision: 1,
      revisionReason: '复查复评：杞县申诉',
    })
    const stillPublished = await call({ path: '/evaluations/kf-flow/results', token: supervisor })
    expect(stillPublished.body).toMatchObject({ status: 'published', revision: 0 })
    const audit = await call({ path: '/audit?evaluationId=kf-flow', token: supervisor })
    const actions = (audit.body.entries as unknown as { action: string }[]).map((entry) => entry.action)
    expect(actions).toEqual(
      expect.arrayContaining([
        'evaluation.create',
        'scores.import',
        'score.put',
        'evaluation.submit-for-review',
        'evaluation.publish',
        'evaluation.re-evaluate',
      ]),
    )
    expect((await call({ path: '/audit', token: evaluator })).status).toBe(403)
  })
})
