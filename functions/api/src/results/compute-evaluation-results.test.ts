import { type Evaluation, ValidationError } from '@pingce/core'
import { kaifeng2020 } from '@pingce/scoring'
import { describe, expect, it } from 'vitest'
import { actorOf } from '../../test/actors'
import {
  admin,
  type EvaluationTestDeps,
  evaluationTestDeps,
  evaluator,
  fixturePlan,
  miniEvaluationInput,
  miniScheme,
  miniScores,
  setUpFixtureEvaluation,
  setUpMiniOrg,
  submitAndPublish,
} from '../../test/evaluation-fixture'
import { createEvaluation } from '../evaluations/create-evaluation'
import type { CreateEvaluation } from '../evaluations/evaluation-schemas'
import { saveSchemeVersion } from '../schemes/save-scheme-version'
import { importScores } from '../scores/import-scores'
import type { ScoreInput } from '../scores/score-schemas'
import { computeEvaluationResults } from './compute-evaluation-results'

const tenantId = 'zhengzhou'
const at = '2026-11-23T08:00:00.000Z'

/** The mini org and an evaluation of it with the given scores. */
async function scoredEvaluation(options: {
  deps: EvaluationTestDeps
  input?: Partial<CreateEvaluation>
  scores?: ScoreInput[]
}): Promise<Evaluation> {
  const { deps } = options
  const evaluation = await createEvaluation({ deps, actor: admin, input: miniEvaluationInput(options.input) })
  const scores = options.scores ?? miniScores
  if (scores.length > 0) {
    await importScores({
      deps,
      actor: evaluator,
      input: { evaluationId: evaluation.evaluationId, source: { kind: 'entries', scores } },
    })
  }
  return evaluation
}

async function miniOrg(): Promise<EvaluationTestDeps> {
  const deps = evaluationTestDeps()
  await setUpMiniOrg({ deps })
  return deps
}

const rowsOf = (groups: Awaited<ReturnType<typeof computeEvaluationResults>>) =>
  Object.fromEntries(groups.flatMap((group) => group.rows.map((row) => [row.unitId, row])))

describe('computeEvaluationResults', () => {
  it('reproduces the ranks and totals Kaifeng printed for 2020, with nothing to reconcile', async () => {
    const deps = evaluationTestDeps()
    const kaifeng = actorOf({ role: 'admin', tenantId: 'kaifeng' })
    const plan = fixturePlan({ fixture: kaifeng2020, prefix: 'kf' })
    const evaluation = await setUpFixtureEvaluation({
      deps,
      actor: kaifeng,
      plan,
      evaluationId: 'kf-2020',
      year: 2020,
    })
    await importScores({
      deps,
      actor: kaifeng,
      input: { evaluationId: 'kf-2020', source: { kind: 'entries', scores: plan.scores } },
    })

    const groups = await computeEvaluationResults({ deps, tenantId: 'kaifeng', evaluation })

    expect(groups.map((group) => [group.groupId, group.rows.length])).toEqual([
      ['county', 9],
      ['department', 32],
    ])
    const rows = rowsOf(groups)
    for (const printed of plan.printed) {
      const row = rows[plan.unitIdOf.get(printed.unitId) ?? '']
      expect([row?.rank, row?.displayTotal]).toEqual([printed.rank, printed.total.toFixed(2)])
      expect(row?.reconciliation).toBeUndefined()
    }
    expect(groups[0]?.statistics).toMatchObject({ count: 9, gradeCounts: { 优秀: 4 } })
  })

  it('gives per group its level-1 indicators, rows, statistics and every explanation', async () => {
    const deps = await miniOrg()
    const evaluation = await scoredEvaluation({ deps })

    const [county, department] = await computeEvaluationResults({ deps, tenantId, evaluation })

    expect(county).toMatchObject({
      groupId: 'county',
      groupName: '县（市、区）',
      schemeId: 'mini',
      schemeVersion: 1,
      decimals: 2,
      indicators: [
        { id: '信息公开', label: '政府信息公开', max: 40 },
        { id: '办事指南', label: '办事指南', max: 20 },
        { id: '互动交流', label: '互动交流', max: 30 },
        { id: '信息报送', label: '信息报送', max: 10 },
      ],
      statistics: { count: 2, mean: 82.5, median: 82.5, gradeCounts: { 优秀: 1 } },
    })
    expect(county?.rows.map((row) => [row.unitId, row.rank, row.total, row.grade])).toEqual([
      ['c01', 1, 91, '优秀'],
      ['c02', 2, 74, null],
    ])
    expect(county?.rows[1]?.values).toEqual({
      信息公开: { value: 30, display: '30.00', rule: 'sum' },
      办事指南: { value: 15, display: '15.00', rule: 'imputed' },
      互动交流: { value: 24, display: '24.00', rule: 'scored' },
      信息报送: { value: 5, display: '5.00', rule: 'derived' },
    })
    expect(Object.keys(county?.explanations ?? {}).sort()).toEqual(['c01', 'c02'])
    // Departments are measured against counties and departments together: c01's 100 is the maximum.
    expect(department?.rows.map((row) => [row.unitId, row.total, row.values.信息报送?.value])).toEqual([
      ['d01', 70, 2],
      ['d02', 46, 1],
    ])
  })

  it("returns the groups in the evaluation's order", async () => {
    const deps = await miniOrg()
    const evaluation = await scoredEvaluation({
      deps,
      input: {
        groups: [
          { groupId: 'department', schemeId: 'mini', schemeVersion: 1 },
          { groupId: 'county', schemeId: 'mini', schemeVersion: 1 },
        ],
      },
    })

    const groups = await computeEvaluationResults({ deps, tenantId, evaluation })

    expect(groups.map((group) => group.groupId)).toEqual(['department', 'county'])
  })

  it('scores groups on different scheme versions apart, each against its own population', async () => {
    const deps = await miniOrg()
    await saveSchemeVersion({
      deps,
      actor: admin,
      input: {
        schemeId: 'mini',
        basedOnVersion: 1,
        document: { ...structuredClone(miniScheme), version: 2 },
      },
    })
    const evaluation = await scoredEvaluation({
      deps,
      input: {
        groups: [
          { groupId: 'county', schemeId: 'mini', schemeVersion: 1 },
          { groupId: 'department', schemeId: 'mini', schemeVersion: 2 },
        ],
      },
    })

    const [county, department] = await computeEvaluationResults({ deps, tenantId, evaluation })

    expect(county?.schemeVersion).toBe(1)
    expect(department?.schemeVersion).toBe(2)
    // Without the counties, d01's 20 is the maximum of its population.
    expect(department?.rows.map((row) => [row.unitId, row.values.信息报送?.value])).toEqual([
      ['d01', 10],
      ['d02', 5],
    ])
  })

  it('flags a row whose printed total the scheme does not reproduce, with both numbers', async () => {
    const deps = await miniOrg()
    const evaluation = await scoredEvaluation({
      deps,
      scores: [
        ...miniScores,
        { unitId: 'c01', kind: 'printed-total', key: 'total', value: 90.5 },
        { unitId: 'c02', kind: 'printed-total', key: 'total', value: 74 },
      ],
    })

    const rows = rowsOf(await computeEvaluationResults({ deps, tenantId, evaluation }))

    expect(rows.c01?.reconciliation).toEqual({ printed: 90.5, computed: 91 })
    expect(rows.c02?.reconciliation).toBeUndefined()
    expect(rows.d01?.reconciliation).toBeUndefined()
  })

  it("attaches last period's ranks given with the evaluation", async () => {
    const deps = await miniOrg()
    const evaluation = await scoredEvaluation({ deps, input: { previousRanks: { c01: 2, c02: 1, d02: 5 } } })

    const rows = rowsOf(await computeEvaluationResults({ deps, tenantId, evaluation }))

    expect([rows.c01?.previousRank, rows.c01?.movement]).toEqual([2, 1])
    expect([rows.c02?.previousRank, rows.c02?.movement]).toEqual([1, -1])
    expect([rows.d01?.previousRank, rows.d01?.movement]).toEqual([null, null])
    expect([rows.d02?.previousRank, rows.d02?.movement]).toEqual([5, 3])
  })

  it("takes last period's ranks from the previous evaluation's published results", async () => {
    const deps = await miniOrg()
    // 2019: c02 ahead of c01.
    const swapped = miniScores.map((score) =>
      score.unitId === 'c01'
        ? { ...score, unitId: 'c02' }
        : score.unitId === 'c02'
          ? { ...score, unitId: 'c01' }
          : score,
    )
    await scoredEvaluation({
      deps,
      input: { evaluationId: 'e2019', period: { kind: 'year', year: 2019 } },
      scores: swapped,
    })
    await submitAndPublish({ deps, evaluationId: 'e2019' })
    const evaluation = await scoredEvaluation({ deps, input: { previousEvaluationId: 'e2019' } })

    const rows = rowsOf(await computeEvaluationResults({ deps, tenantId, evaluation }))

    expect([rows.c01?.previousRank, rows.c01?.movement]).toEqual([2, 1])
    expect([rows.c02?.previousRank, rows.c02?.movement]).toEqual([1, -1])
    expect([rows.d01?.previousRank, rows.d01?.movement]).toEqual([1, 0])
  })

  it('has no previous ranks while the previous evaluation is unpublished', async () => {
    const deps = await miniOrg()
    await scoredEvaluation({ deps, input: { evaluationId: 'e2019', period: { kind: 'year', year: 2019 } } })
    const evaluation = await scoredEvaluation({ deps, input: { previousEvaluationId: 'e2019' } })

    const groups = await computeEvaluationResults({ deps, tenantId, evaluation })

    expect(groups.flatMap((group) => group.rows.map((row) => row.previousRank))).toEqual([
      null,
      null,
      null,
      null,
    ])
  })

  it('rolls the monthly source evaluations up as periods: scores averaged, measures summed', async () => {
    const deps = await miniOrg()
    const county = [{ groupId: 'county', schemeId: 'mini', schemeVersion: 1 }]
    const month = (index: number, scores: ScoreInput[]) =>
      scoredEvaluation({
        deps,
        input: {
          evaluationId: `e2020-0${index}`,
          period: { kind: 'month', year: 2020, index },
          groups: county,
        },
        scores,
      })
    const score = (unitId: string, key: string, value: number): ScoreInput => ({
      unitId,
      kind: 'score',
      key,
      value,
    })
    const measure = (unitId: string, value: number): ScoreInput => ({
      unitId,
      kind: 'measure',
      key: '采用数',
      value,
    })
    await month(1, [
      score('c01', '信息公开', 32),
      score('c01', '办事指南', 16),
      score('c01', '互动交流', 24),
      measure('c01', 40),
      score('c02', '信息公开', 20),
      score('c02', '办事指南', 10),
      score('c02', '互动交流', 20),
      measure('c02', 30),
    ])
    await month(2, [
      score('c01', '信息公开', 36),
      score('c01', '办事指南', 18),
      score('c01', '互动交流', 28),
      measure('c01', 60),
      score('c02', '信息公开', 28),
      score('c02', '办事指南', 14),
      score('c02', '互动交流', 22),
      measure('c02', 30),
    ])
    const evaluation = await scoredEvaluation({
      deps,
      input: { groups: county, sourceEvaluationIds: ['e2020-01', 'e2020-02'] },
      scores: [],
    })

    const [group] = await computeEvaluationResults({ deps, tenantId, evaluation })

    // c01: mean 34 + 17 + 26, 采用数 40 + 60 = 100 → 10; c02: 24 + 12 + 21, 60 / 100 × 10 = 6.
    expect(
      group?.rows.map((row) => [
        row.unitId,
        row.values.信息公开?.value,
        row.values.信息报送?.value,
        row.total,
      ]),
    ).toEqual([
      ['c01', 34, 10, 87],
      ['c02', 24, 6, 63],
    ])
  })

  it('answers a scheme version that does not exist with a ValidationError naming groups', async () => {
    const deps = await miniOrg()
    const evaluation: Evaluation = {
      ...(await scoredEvaluation({ deps, scores: [] })),
      evaluationId: 'e-missing',
      groups: [{ groupId: 'county', schemeId: 'mini', schemeVersion: 9 }],
    }

    const computed = computeEvaluationResults({ deps, tenantId, evaluation })

    await expect(computed).rejects.toBeInstanceOf(ValidationError)
    await expect(computed).rejects.toMatchObject({
      issues: [{ path: 'groups', message: 'no such scheme version' }],
    })
  })

  it('answers stored scores the scheme cannot take with a ValidationError carrying the engine issues', async () => {
    const deps = await miniOrg()
    const evaluation = await scoredEvaluation({ deps })
    await deps.stores.scores.putScore({
      tenantId,
      evaluationId: evaluation.evaluationId,
      evaluationVersion: evaluation.version,
      entry: {
        unitId: 'c02',
        kind: 'flag',
        key: '网站关停',
        value: 1,
        version: 1,
        updatedAt: at,
        updatedBy: 'x',
      },
      expectedVersion: undefined,
      audit: {
        auditId: 'raw',
        at,
        actorId: 'x',
        actorRole: 'admin',
        action: 'raw',
        entityType: 'score',
        entityId: 'raw',
      },
    })

    const computed = computeEvaluationResults({ deps, tenantId, evaluation })

    await expect(computed).rejects.toBeInstanceOf(ValidationError)
    await expect(computed).rejects.toMatchObject({
      issues: [{ path: 'c02.网站关停', message: expect.stringContaining('unknown veto check') }],
    })
  })
})
