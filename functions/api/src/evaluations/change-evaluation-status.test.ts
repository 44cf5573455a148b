import {
  ConflictError,
  type Evaluation,
  ForbiddenError,
  NotFoundError,
  type PublishedGroup,
} from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { actorOf } from '../../test/actors'
import {
  admin,
  type EvaluationTestDeps,
  evaluationTestDeps,
  otherTenantAdmin,
  setUpMiniEvaluation,
} from '../../test/evaluation-fixture'
import { changeEvaluationStatus } from './change-evaluation-status'
import { stepEvaluation } from './step-evaluation'

const tenantId = 'zhengzhou'
const evaluationId = 'e2020'
const at = '2026-11-23T08:00:00.000Z'

async function draftEvaluation(): Promise<EvaluationTestDeps> {
  const deps = evaluationTestDeps()
  await setUpMiniEvaluation({ deps })
  return deps
}

const stored = (deps: EvaluationTestDeps) => deps.stores.evaluations.getEvaluation({ tenantId, evaluationId })
const evaluationAudit = (deps: EvaluationTestDeps) =>
  deps.audit.listAudit({ tenantId, entity: { entityType: 'evaluation', entityId: evaluationId } })

const emptyGroup = (groupId: string): PublishedGroup => ({
  groupId,
  groupName: groupId,
  schemeId: 'mini',
  schemeVersion: 1,
  decimals: 2,
  indicators: [],
  rows: [],
  statistics: { count: 0, mean: null, median: null, gradeCounts: {} },
  explanations: {},
})

describe('changeEvaluationStatus', () => {
  it('submits a draft for review, bumping the version, audited with before and after', async () => {
    const deps = await draftEvaluation()

    const inReview = await changeEvaluationStatus({
      deps,
      actor: admin,
      input: { evaluationId, action: 'submit-for-review', expectedVersion: 1 },
    })

    expect(inReview).toMatchObject({ status: 'in-review', version: 2, revision: 0, updatedAt: at })
    expect(await stored(deps)).toEqual(inReview)
    const [latest] = await evaluationAudit(deps)
    expect(latest).toMatchObject({
      action: 'evaluation.submit-for-review',
      actorId: admin.userId,
      actorRole: 'admin',
      evaluationId,
      before: { status: 'draft', revision: 0, version: 1 },
      after: { status: 'in-review', revision: 0, version: 2 },
    })
  })

  it('returns an evaluation in review to draft', async () => {
    const deps = await draftEvaluation()
    await changeEvaluationStatus({
      deps,
      actor: admin,
      input: { evaluationId, action: 'submit-for-review', expectedVersion: 1 },
    })

    const draft = await changeEvaluationStatus({
      deps,
      actor: admin,
      input: { evaluationId, action: 'return-to-draft', expectedVersion: 2 },
    })

    expect(draft).toMatchObject({ status: 'draft', version: 3 })
    expect(await stored(deps)).toEqual(draft)
    expect((await evaluationAudit(deps)).map((entry) => entry.action)).toEqual([
      'evaluation.return-to-draft',
      'evaluation.submit-for-review',
      'evaluation.create',
    ])
  })

  it('refuses a step the status does not allow with ConflictError, changing nothing', async () => {
    const deps = await draftEvaluation()
    const before = await stored(deps)

    const returned = changeEvaluationStatus({
      deps,
      actor: admin,
      input: { evaluationId, action: 'return-to-draft', expectedVersion: 1 },
    })

    await expect(returned).rejects.toBeInstanceOf(ConflictError)
    await expect(returned).rejects.toMatchObject({ details: { status: 'draft', action: 'return-to-draft' } })
    expect(await stored(deps)).toEqual(before)
    expect(await evaluationAudit(deps)).toHaveLength(1)
  })

  it('answers a stale expectedVersion with 409 carrying the current evaluation', async () => {
    const deps = await draftEvaluation()
    const current = await stored(deps)

    const stale = changeEvaluationStatus({
      deps,
      actor: admin,
      input: { evaluationId, action: 'submit-for-review', expectedVersion: 7 },
    })

    await expect(stale).rejects.toMatchObject({ status: 409, details: { current } })
    expect(await stored(deps)).toEqual(current)
    expect(await evaluationAudit(deps)).toHaveLength(1)
  })

  it.each(['evaluator', 'supervisor', 'unit'] as const)('refuses a %s with ForbiddenError', async (role) => {
    const deps = await draftEvaluation()

    const changed = changeEvaluationStatus({
      deps,
      actor: actorOf({ role, unitId: role === 'unit' ? 'c01' : undefined }),
      input: { evaluationId, action: 'submit-for-review', expectedVersion: 1 },
    })

    await expect(changed).rejects.toBeInstanceOf(ForbiddenError)
    expect((await stored(deps))?.status).toBe('draft')
  })

  it("answers another tenant's evaluation with NotFoundError", async () => {
    const deps = await draftEvaluation()

    const changed = changeEvaluationStatus({
      deps,
      actor: otherTenantAdmin,
      input: { evaluationId, action: 'submit-for-review', expectedVersion: 1 },
    })

    await expect(changed).rejects.toBeInstanceOf(NotFoundError)
    expect((await stored(deps))?.status).toBe('draft')
  })

  it('stores what the publication computes from the evaluation as it will be, with the status change', async () => {
    const deps = await draftEvaluation()
    await changeEvaluationStatus({
      deps,
      actor: admin,
      input: { evaluationId, action: 'submit-for-review', expectedVersion: 1 },
    })
    const seen: { next: Evaluation; at: string }[] = []

    const published = await stepEvaluation({
      deps,
      actor: admin,
      input: { evaluationId, action: 'publish', expectedVersion: 2 },
      publication: async (next, when) => {
        seen.push({ next, at: when })
        return [{ groupId: 'county', revision: next.revision, computedAt: when, group: emptyGroup('county') }]
      },
    })

    expect(seen).toEqual([{ next: published, at }])
    expect(published).toMatchObject({ status: 'published', version: 3 })
    expect(await deps.stores.results.getPublished({ tenantId, evaluationId, revision: 0 })).toEqual([
      { groupId: 'county', revision: 0, computedAt: at, group: emptyGroup('county') },
    ])
  })

  it('changes nothing when the publication cannot be computed', async () => {
    const deps = await draftEvaluation()
    const inReview = await changeEvaluationStatus({
      deps,
      actor: admin,
      input: { evaluationId, action: 'submit-for-review', expectedVersion: 1 },
    })

    const published = stepEvaluation({
      deps,
      actor: admin,
      input: { evaluationId, action: 'publish', expectedVersion: 2 },
      publication: async () => {
        throw new Error('scores cannot be computed')
      },
    })

    await expect(published).rejects.toThrow('scores cannot be computed')
    expect(await stored(deps)).toEqual(inReview)
    expect(await deps.stores.results.getPublished({ tenantId, evaluationId, revision: 0 })).toEqual([])
  })

  it('refuses a publication without its snapshots, changing nothing', async () => {
    const deps = await draftEvaluation()
    const inReview = await changeEvaluationStatus({
      deps,
      actor: admin,
      input: { evaluationId, action: 'submit-for-review', expectedVersion: 1 },
    })
    const published = stepEvaluation({
      deps,
      actor: admin,
      input: { evaluationId, action: 'publish', expectedVersion: 2 },
    })
    await expect(published).rejects.toThrow(/publishEvaluation/)
    expect(await stored(deps)).toEqual(inReview)
  })
})
