import { ConflictError, ForbiddenError, NotFoundError, scoreEntryId, ValidationError } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { actorOf } from '../../test/actors'
import {
  admin,
  type EvaluationTestDeps,
  evaluationTestDeps,
  evaluator,
  otherTenantAdmin,
  setUpMiniEvaluation,
  submitAndPublish,
} from '../../test/evaluation-fixture'
import { changeEvaluationStatus } from '../evaluations/change-evaluation-status'
import { putScore } from './put-score'
import type { ScoreInput } from './score-schemas'

const tenantId = 'zhengzhou'
const evaluationId = 'e2020'
const score: ScoreInput = { unitId: 'c01', kind: 'score', key: '互动交流', value: 27 }
const entryId = scoreEntryId(score)

async function draftEvaluation(): Promise<EvaluationTestDeps> {
  const deps = evaluationTestDeps()
  await setUpMiniEvaluation({ deps })
  return deps
}

// A single score names the field of the request body itself (`key`), never a list index.
const namingField = (field: string) => field

const storedScores = (deps: EvaluationTestDeps) => deps.stores.scores.listScores({ tenantId, evaluationId })
const scoreAudit = (deps: EvaluationTestDeps) =>
  deps.audit.listAudit({ tenantId, entity: { entityType: 'score', entityId: entryId } })

describe('putScore', () => {
  it('enters a first score without a version as version 1, stamped and audited', async () => {
    const deps = await draftEvaluation()

    const entry = await putScore({
      deps,
      actor: evaluator,
      input: { evaluationId, score, expectedVersion: undefined },
    })

    expect(entry).toEqual({
      ...score,
      version: 1,
      updatedAt: '2026-11-23T08:00:00.000Z',
      updatedBy: evaluator.userId,
    })
    expect(await storedScores(deps)).toEqual([entry])
    expect(await scoreAudit(deps)).toEqual([
      expect.objectContaining({
        action: 'score.put',
        actorId: evaluator.userId,
        actorRole: 'evaluator',
        evaluationId,
        before: null,
        after: entry,
      }),
    ])
  })

  it('changes a score with the version it read, auditing before and after', async () => {
    const deps = await draftEvaluation()
    const first = await putScore({
      deps,
      actor: evaluator,
      input: { evaluationId, score, expectedVersion: undefined },
    })

    const second = await putScore({
      deps,
      actor: admin,
      input: { evaluationId, score: { ...score, value: 25, note: '复核' }, expectedVersion: 1 },
    })

    expect(second).toMatchObject({ value: 25, note: '复核', version: 2, updatedBy: admin.userId })
    expect(await storedScores(deps)).toEqual([second])
    const [latest] = await scoreAudit(deps)
    expect(latest).toMatchObject({ actorId: admin.userId, actorRole: 'admin', before: first, after: second })
  })

  it('answers a stale expectedVersion with 409 carrying the current entry, and keeps it', async () => {
    const deps = await draftEvaluation()
    await putScore({ deps, actor: evaluator, input: { evaluationId, score, expectedVersion: undefined } })
    const current = await putScore({
      deps,
      actor: admin,
      input: { evaluationId, score: { ...score, value: 25 }, expectedVersion: 1 },
    })

    const stale = putScore({
      deps,
      actor: evaluator,
      input: { evaluationId, score: { ...score, value: 20 }, expectedVersion: 1 },
    })

    await expect(stale).rejects.toBeInstanceOf(ConflictError)
    await expect(stale).rejects.toMatchObject({ status: 409, details: { current } })
    expect(await storedScores(deps)).toEqual([current])
    expect(await scoreAudit(deps)).toHaveLength(2)
  })

  it('refuses to overwrite an existing entry sent without a version (409 with the current entry)', async () => {
    const deps = await draftEvaluation()
    const current = await putScore({
      deps,
      actor: evaluator,
      input: { evaluationId, score, expectedVersion: undefined },
    })

    const blind = putScore({
      deps,
      actor: admin,
      input: { evaluationId, score: { ...score, value: 1 }, expectedVersion: undefined },
    })

    await expect(blind).rejects.toMatchObject({ status: 409, details: { current } })
    expect(await storedScores(deps)).toEqual([current])
    expect(await scoreAudit(deps)).toHaveLength(1)
  })

  it('answers a version for an entry that does not exist yet with 409', async () => {
    const deps = await draftEvaluation()

    const put = putScore({ deps, actor: evaluator, input: { evaluationId, score, expectedVersion: 3 } })

    await expect(put).rejects.toMatchObject({ status: 409, details: { current: null } })
    expect(await storedScores(deps)).toEqual([])
  })

  it.each(['supervisor', 'unit'] as const)('refuses a %s with ForbiddenError', async (role) => {
    const deps = await draftEvaluation()

    const put = putScore({
      deps,
      actor: actorOf({ role, unitId: role === 'unit' ? 'c01' : undefined }),
      input: { evaluationId, score, expectedVersion: undefined },
    })

    await expect(put).rejects.toBeInstanceOf(ForbiddenError)
    expect(await storedScores(deps)).toEqual([])
  })

  it("answers another tenant's evaluation with NotFoundError", async () => {
    const deps = await draftEvaluation()

    const put = putScore({
      deps,
      actor: otherTenantAdmin,
      input: { evaluationId, score, expectedVersion: undefined },
    })

    await expect(put).rejects.toBeInstanceOf(NotFoundError)
    expect(await storedScores(deps)).toEqual([])
  })

  it('refuses changes once the evaluation is in review or published (ConflictError)', async () => {
    const deps = await draftEvaluation()
    const inReview = await changeEvaluationStatus({
      deps,
      actor: admin,
      input: { evaluationId, action: 'submit-for-review', expectedVersion: 1 },
    })
    const input = { evaluationId, score, expectedVersion: undefined }

    const inReviewPut = putScore({ deps, actor: evaluator, input })
    await expect(inReviewPut).rejects.toBeInstanceOf(ConflictError)
    await expect(inReviewPut).rejects.toMatchObject({ details: { status: 'in-review' } })
    await changeEvaluationStatus({
      deps,
      actor: admin,
      input: { evaluationId, action: 'return-to-draft', expectedVersion: inReview.version },
    })
    await submitAndPublish({ deps, evaluationId })
    const publishedPut = putScore({ deps, actor: evaluator, input })

    await expect(publishedPut).rejects.toMatchObject({ status: 409, details: { status: 'published' } })
    expect(await storedScores(deps)).toEqual([])
  })

  it.each([
    {
      case: 'a unit outside the evaluation',
      score: { unitId: 'z01', kind: 'score', key: '互动交流', value: 1 },
      path: 'unitId',
    },
    {
      case: 'an unknown unit',
      score: { unitId: 'nobody', kind: 'score', key: '互动交流', value: 1 },
      path: 'unitId',
    },
    {
      case: 'a key the scheme does not have',
      score: { unitId: 'c01', kind: 'score', key: '网站规范', value: 1 },
      path: 'key',
    },
    {
      case: 'a derived indicator',
      score: { unitId: 'c01', kind: 'score', key: '信息报送', value: 1 },
      path: 'key',
    },
    {
      case: 'a measure sent as a score',
      score: { unitId: 'c01', kind: 'score', key: '采用数', value: 1 },
      path: 'key',
    },
    {
      case: 'a split whole instead of its parts',
      score: { unitId: 'c01', kind: 'score', key: '信息公开', value: 30 },
      path: 'key',
    },
    {
      case: '无 where the scheme has no rule for it',
      score: { unitId: 'c01', kind: 'score', key: '互动交流', value: null },
      path: 'value',
    },
    {
      case: 'a negative measure',
      score: { unitId: 'c01', kind: 'measure', key: '采用数', value: -1 },
      path: 'value',
    },
  ] satisfies { case: string; score: ScoreInput; path: string }[])(
    'refuses $case naming `$path`',
    async (example) => {
      const deps = await draftEvaluation()

      const put = putScore({
        deps,
        actor: evaluator,
        input: { evaluationId, score: example.score, expectedVersion: undefined },
      })

      await expect(put).rejects.toBeInstanceOf(ValidationError)
      await expect(put).rejects.toMatchObject({ issues: [{ path: namingField(example.path) }] })
      expect(await storedScores(deps)).toEqual([])
    },
  )

  it('names the parts to enter when given a split whole', async () => {
    const deps = await draftEvaluation()

    const put = putScore({
      deps,
      actor: evaluator,
      input: { evaluationId, score: { ...score, key: '信息公开', value: 30 }, expectedVersion: undefined },
    })

    await expect(put).rejects.toMatchObject({
      issues: [{ path: namingField('key'), message: 'enter its parts: 信息公开.内容, 信息公开.格式' }],
    })
  })

  it('accepts a split part, 无 where the scheme imputes it, a measure and a printed total', async () => {
    const deps = await draftEvaluation()
    const scores: ScoreInput[] = [
      { unitId: 'c01', kind: 'score', key: '信息公开.内容', value: 18 },
      { unitId: 'c01', kind: 'score', key: '办事指南', value: null },
      { unitId: 'd01', kind: 'measure', key: '采用数', value: 20 },
      { unitId: 'd01', kind: 'printed-total', key: 'total', value: 70 },
    ]

    for (const each of scores) {
      await putScore({
        deps,
        actor: evaluator,
        input: { evaluationId, score: each, expectedVersion: undefined },
      })
    }

    const stored = await storedScores(deps)
    expect(stored.map(({ unitId, kind, key, value }) => ({ unitId, kind, key, value }))).toEqual(
      expect.arrayContaining(scores),
    )
    expect(stored).toHaveLength(4)
  })

  it.each([
    { case: 'a number DynamoDB cannot store exactly', change: { value: 1e16 }, path: 'value' },
    { case: 'more than the indicator allows', change: { value: 31 }, path: 'value' },
    { case: 'more than a split part allows', change: { key: '信息公开.内容', value: 21 }, path: 'value' },
    { case: 'a negative score', change: { value: -1 }, path: 'value' },
    { case: 'a period outside the evaluation year', change: { period: '2017-03' }, path: 'period' },
    { case: 'a period that is no period', change: { period: '三月' }, path: 'period' },
    { case: 'a rater on an indicator scored once', change: { rater: 'experts:张三' }, path: 'rater' },
    { case: 'a rater of 100 CJK characters', change: { rater: '评'.repeat(100) }, path: 'rater' },
  ])('refuses $case with a 400 naming $path, storing nothing', async ({ change, path }) => {
    const deps = await draftEvaluation()

    const put = putScore({
      deps,
      actor: evaluator,
      input: { evaluationId, score: { ...score, ...change }, expectedVersion: undefined },
    })

    await expect(put).rejects.toBeInstanceOf(ValidationError)
    await expect(put).rejects.toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path })]),
    })
    expect(await storedScores(deps)).toEqual([])
  })

  it('takes a monthly score of the evaluation year and a value at the maximum', async () => {
    const deps = await draftEvaluation()

    const monthly = await putScore({
      deps,
      actor: evaluator,
      input: { evaluationId, score: { ...score, value: 30, period: '2020-03' }, expectedVersion: undefined },
    })

    expect(monthly).toMatchObject({ value: 30, period: '2020-03', version: 1 })
  })
})
