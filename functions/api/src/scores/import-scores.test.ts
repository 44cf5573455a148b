import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@pingce/core'
import { zhengzhou2016 } from '@pingce/scoring'
import { describe, expect, it } from 'vitest'
import { actorOf } from '../../test/actors'
import {
  admin,
  type EvaluationTestDeps,
  evaluationTestDeps,
  evaluator,
  fixturePlan,
  miniScores,
  otherTenantAdmin,
  setUpFixtureEvaluation,
  setUpMiniEvaluation,
  submitAndPublish,
} from '../../test/evaluation-fixture'
import { changeEvaluationStatus } from '../evaluations/change-evaluation-status'
import { reEvaluateEvaluation } from '../evaluations/re-evaluate-evaluation'
import { computeEvaluationResults } from '../results/compute-evaluation-results'
import { importScores, type ScoreSource } from './import-scores'
import { putScore } from './put-score'
import type { ScoreInput } from './score-schemas'

const tenantId = 'zhengzhou'
const evaluationId = 'e2020'
const entries = (scores: ScoreInput[]): ScoreSource => ({ kind: 'entries', scores })
const csv = (text: string): Uint8Array => new TextEncoder().encode(text)
const sheet = (options: { groupId?: string; fileName?: string; text: string }): ScoreSource => ({
  kind: 'sheet',
  groupId: options.groupId ?? 'county',
  fileName: options.fileName ?? '县区成绩.csv',
  bytes: csv(options.text),
})

async function draftEvaluation(): Promise<EvaluationTestDeps> {
  const deps = evaluationTestDeps()
  await setUpMiniEvaluation({ deps })
  return deps
}

const storedScores = (deps: EvaluationTestDeps) => deps.stores.scores.listScores({ tenantId, evaluationId })
/** The stored scores of one unit as `kind key → value`. */
async function valuesOf(deps: EvaluationTestDeps, unitId: string): Promise<Record<string, number | null>> {
  const scores = await storedScores(deps)
  return Object.fromEntries(
    scores
      .filter((score) => score.unitId === unitId)
      .map((score) => [`${score.kind} ${score.key}`, score.value]),
  )
}
const importAudit = (deps: EvaluationTestDeps, importId: string) =>
  deps.audit.listAudit({ tenantId, entity: { entityType: 'score-import', entityId: importId } })

describe('importScores from a list of entries', () => {
  it("applies a list in one go, a split whole stored as its parts in the scheme's shares", async () => {
    const deps = await draftEvaluation()

    const result = await importScores({
      deps,
      actor: evaluator,
      input: { evaluationId, source: entries(miniScores) },
    })

    // 17 inputs, three of them 信息公开 wholes of two parts each.
    expect(result).toEqual({
      importId: expect.stringMatching(/^[0-9a-f]{32}$/),
      entryCount: 20,
      alreadyApplied: false,
    })
    expect(await valuesOf(deps, 'c01')).toEqual({
      'score 信息公开.内容': 18,
      'score 信息公开.格式': 18,
      'score 办事指南': 18,
      'score 互动交流': 27,
      'measure 采用数': 100,
    })
    expect(await valuesOf(deps, 'c02')).toMatchObject({ 'score 办事指南': null })
    const stored = await storedScores(deps)
    expect(stored).toHaveLength(20)
    expect(stored.every((entry) => entry.version === 1 && entry.updatedBy === evaluator.userId)).toBe(true)
    expect(await importAudit(deps, result.importId)).toEqual([
      expect.objectContaining({
        action: 'scores.import',
        actorId: evaluator.userId,
        actorRole: 'evaluator',
        evaluationId,
        after: { fileName: 'bulk.json', entryCount: 20 },
      }),
    ])
  })

  it("expands Zhengzhou's printed level-1 values into content and format parts that reproduce its totals", async () => {
    const deps = evaluationTestDeps()
    const plan = fixturePlan({ fixture: zhengzhou2016, prefix: 'zz' })
    const evaluation = await setUpFixtureEvaluation({
      deps,
      actor: admin,
      plan,
      evaluationId: 'zz-2016',
      year: 2016,
    })
    // What the circular prints: one value per level-1 indicator; 部门动态信息报送 is derived from 采用数.
    const wholes: ScoreInput[] = plan.printed.flatMap((row) =>
      Object.entries(row.values)
        .filter(([key]) => key !== '部门动态信息报送')
        .map(([key, value]) => ({ unitId: plan.unitIdOf.get(row.unitId) ?? '', kind: 'score', key, value })),
    )
    const others = plan.scores.filter((score) => score.kind === 'measure' || score.kind === 'printed-total')

    await importScores({
      deps,
      actor: evaluator,
      input: { evaluationId: 'zz-2016', source: entries([...wholes, ...others]) },
    })

    const scores = await deps.stores.scores.listScores({ tenantId, evaluationId: 'zz-2016' })
    const xinmi = (key: string) =>
      scores.find((score) => score.unitId === plan.unitIdOf.get('新密市') && score.key === key)?.value
    expect([xinmi('信息公开.内容'), xinmi('信息公开.格式')]).toEqual([13.07, 13.07])
    expect(xinmi('门户网站建设.内容')).toBeCloseTo(12.88, 10)
    expect(xinmi('门户网站建设.格式')).toBeCloseTo(3.22, 10)
    expect(scores.some((score) => score.key === '信息公开' || score.key === '门户网站建设')).toBe(false)
    const noSite = (key: string) =>
      scores.find((score) => score.unitId === plan.unitIdOf.get('人防办') && score.key === key)?.value
    expect([noSite('门户网站建设.内容'), noSite('门户网站建设.格式')]).toEqual([null, null])
    const groups = await computeEvaluationResults({ deps, tenantId, evaluation })
    const mismatched = groups.flatMap((group) => group.rows.filter((row) => row.reconciliation))
    expect(mismatched.map((row) => row.unitName)).toEqual(['农委'])
  })

  it('applies the same list once: a second import answers alreadyApplied and changes nothing', async () => {
    const deps = await draftEvaluation()
    const first = await importScores({
      deps,
      actor: evaluator,
      input: { evaluationId, source: entries(miniScores) },
    })
    await putScore({
      deps,
      actor: evaluator,
      input: {
        evaluationId,
        score: { unitId: 'c01', kind: 'score', key: '互动交流', value: 20 },
        expectedVersion: 1,
      },
    })

    const second = await importScores({
      deps,
      actor: admin,
      input: { evaluationId, source: entries(miniScores) },
    })

    expect(second).toEqual({ ...first, alreadyApplied: true })
    expect(await valuesOf(deps, 'c01')).toMatchObject({ 'score 互动交流': 20 })
    expect(await importAudit(deps, first.importId)).toHaveLength(1)
  })

  it('gives different content a different import id', async () => {
    const deps = await draftEvaluation()
    const first = await importScores({
      deps,
      actor: evaluator,
      input: { evaluationId, source: entries(miniScores) },
    })

    const changed = miniScores.map((score) => (score.key === '互动交流' ? { ...score, value: 1 } : score))
    const second = await importScores({
      deps,
      actor: evaluator,
      input: { evaluationId, source: entries(changed) },
    })

    expect(second.importId).not.toBe(first.importId)
    expect(second.alreadyApplied).toBe(false)
    expect(await valuesOf(deps, 'c01')).toMatchObject({ 'score 互动交流': 1 })
  })

  it('imports the same list again into a new revision under a different id', async () => {
    const deps = await draftEvaluation()
    const first = await importScores({
      deps,
      actor: evaluator,
      input: { evaluationId, source: entries(miniScores) },
    })
    const published = await submitAndPublish({ deps, evaluationId })
    await reEvaluateEvaluation({
      deps,
      actor: admin,
      input: { evaluationId, expectedVersion: published.version, reason: '复查' },
    })

    const second = await importScores({
      deps,
      actor: evaluator,
      input: { evaluationId, source: entries(miniScores) },
    })

    expect(second.importId).not.toBe(first.importId)
    expect(second.alreadyApplied).toBe(false)
    expect((await storedScores(deps)).every((entry) => entry.version === 2)).toBe(true)
  })

  it('stores nothing when any input is wrong, naming every one as scores.<i>.<field>', async () => {
    const deps = await draftEvaluation()
    const scores: ScoreInput[] = [
      { unitId: 'c01', kind: 'score', key: '互动交流', value: 27 },
      { unitId: 'c01', kind: 'score', key: '网站规范', value: 5 },
      { unitId: 'c02', kind: 'score', key: '信息公开', value: 30 },
      { unitId: 'c02', kind: 'measure', key: '采用数', value: -3 },
      { unitId: 'z01', kind: 'score', key: '互动交流', value: 10 },
      { unitId: 'd01', kind: 'score', key: '互动交流', value: null },
    ]

    const imported = importScores({
      deps,
      actor: evaluator,
      input: { evaluationId, source: entries(scores) },
    })

    await expect(imported).rejects.toBeInstanceOf(ValidationError)
    await expect(imported).rejects.toMatchObject({
      issues: [
        { path: 'scores.1.key' },
        { path: 'scores.3.value' },
        { path: 'scores.4.unitId' },
        { path: 'scores.5.value' },
      ],
    })
    expect(await storedScores(deps)).toEqual([])
    const audit = await deps.audit.listAudit({ tenantId, evaluationId })
    expect(audit.map((entry) => entry.action)).toEqual(['evaluation.create'])
  })

  it.each(['supervisor', 'unit'] as const)('refuses a %s with ForbiddenError', async (role) => {
    const deps = await draftEvaluation()

    const imported = importScores({
      deps,
      actor: actorOf({ role, unitId: role === 'unit' ? 'c01' : undefined }),
      input: { evaluationId, source: entries(miniScores) },
    })

    await expect(imported).rejects.toBeInstanceOf(ForbiddenError)
    expect(await storedScores(deps)).toEqual([])
  })

  it('refuses an evaluation in review with ConflictError', async () => {
    const deps = await draftEvaluation()
    await changeEvaluationStatus({
      deps,
      actor: admin,
      input: { evaluationId, action: 'submit-for-review', expectedVersion: 1 },
    })

    const imported = importScores({
      deps,
      actor: evaluator,
      input: { evaluationId, source: entries(miniScores) },
    })

    await expect(imported).rejects.toBeInstanceOf(ConflictError)
    expect(await storedScores(deps)).toEqual([])
  })

  it("answers another tenant's evaluation with NotFoundError", async () => {
    const deps = await draftEvaluation()

    const imported = importScores({
      deps,
      actor: otherTenantAdmin,
      input: { evaluationId, source: entries(miniScores) },
    })

    await expect(imported).rejects.toBeInstanceOf(NotFoundError)
    expect(await storedScores(deps)).toEqual([])
  })
})

describe('importScores from a sheet', () => {
  const countySheet = [
    '单位,信息公开 (40),办事指南（20）,互动交流,采用数',
    '新密,36,18,27,100',
    '',
    '荥阳市,30,无,24,"1,050"',
  ].join('\n')

  it('reads rows by unit name or alias, headers with their maxima, 无, and split wholes as parts', async () => {
    const deps = await draftEvaluation()

    const result = await importScores({
      deps,
      actor: evaluator,
      input: { evaluationId, source: sheet({ text: countySheet }) },
    })

    expect(result).toMatchObject({ entryCount: 10, alreadyApplied: false })
    expect(await valuesOf(deps, 'c01')).toEqual({
      'score 信息公开.内容': 18,
      'score 信息公开.格式': 18,
      'score 办事指南': 18,
      'score 互动交流': 27,
      'measure 采用数': 100,
    })
    expect(await valuesOf(deps, 'c02')).toEqual({
      'score 信息公开.内容': 15,
      'score 信息公开.格式': 15,
      'score 办事指南': null,
      'score 互动交流': 24,
      'measure 采用数': 1050,
    })
    expect(await importAudit(deps, result.importId)).toEqual([
      expect.objectContaining({
        actorId: evaluator.userId,
        after: { fileName: '县区成绩.csv', entryCount: 10 },
      }),
    ])
  })

  it('applies the same bytes once, whatever the file is called', async () => {
    const deps = await draftEvaluation()
    const first = await importScores({
      deps,
      actor: evaluator,
      input: { evaluationId, source: sheet({ text: countySheet }) },
    })

    const second = await importScores({
      deps,
      actor: evaluator,
      input: { evaluationId, source: sheet({ text: countySheet, fileName: '副本.csv' }) },
    })

    expect(second).toEqual({ ...first, alreadyApplied: true })
    expect(await storedScores(deps)).toHaveLength(10)
  })

  it.each(['zone', 'nowhere'])(
    'refuses group %s, not a group of the evaluation, naming groupId',
    async (groupId) => {
      const deps = await draftEvaluation()

      const imported = importScores({
        deps,
        actor: evaluator,
        input: { evaluationId, source: sheet({ groupId, text: '单位,互动交流\n高新区,20\n' }) },
      })

      await expect(imported).rejects.toBeInstanceOf(ValidationError)
      await expect(imported).rejects.toMatchObject({ status: 400, issues: [{ path: 'groupId' }] })
      expect(await storedScores(deps)).toEqual([])
    },
  )

  it('stores nothing when a cell is wrong, naming every one as rows.<n>.<column>', async () => {
    const deps = await draftEvaluation()
    const text = [
      '单位,信息公开,互动交流,采用数',
      '新密市,36,二十七,100',
      '荥阳市,30,24,无',
      '审计局,30,24,5',
      '新密市,30,24,5',
    ].join('\n')

    const imported = importScores({
      deps,
      actor: evaluator,
      input: { evaluationId, source: sheet({ text }) },
    })

    await expect(imported).rejects.toBeInstanceOf(ValidationError)
    await expect(imported).rejects.toMatchObject({
      issues: [
        { path: 'rows.2.互动交流' },
        { path: 'rows.3.采用数' },
        { path: 'rows.4.单位' },
        { path: 'rows.5.单位', message: 'duplicates row 2' },
      ],
    })
    expect(await storedScores(deps)).toEqual([])
  })

  it('refuses cells beyond the indicator maximum or exact storage, and periods outside the year', async () => {
    const deps = await draftEvaluation()
    const text = [
      '单位,期间,信息公开,互动交流,采用数',
      '新密市,2020-03,36,31,100',
      '荥阳市,2020-03,30,24,1e16',
      '新密市,2019-12,30,24,5',
    ].join('\n')

    const imported = importScores({
      deps,
      actor: evaluator,
      input: { evaluationId, source: sheet({ text }) },
    })

    await expect(imported).rejects.toMatchObject({
      issues: [
        { path: 'rows.2.互动交流', message: "must be at most 30 (the indicator's maximum)" },
        { path: 'rows.3.采用数' },
        { path: 'rows.4.期间' },
      ],
    })
    expect(await storedScores(deps)).toEqual([])
  })

  it('names a column that is no input of the group’s scheme', async () => {
    const deps = await draftEvaluation()

    const imported = importScores({
      deps,
      actor: evaluator,
      input: { evaluationId, source: sheet({ text: '单位,互动交流,网站规范\n新密市,27,5\n' }) },
    })

    await expect(imported).rejects.toMatchObject({ issues: [{ path: 'file.header.网站规范' }] })
    expect(await storedScores(deps)).toEqual([])
  })
})
