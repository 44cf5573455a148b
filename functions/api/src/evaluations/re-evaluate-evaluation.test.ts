import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import {
  admin,
  type EvaluationTestDeps,
  evaluationTestDeps,
  evaluator,
  otherTenantAdmin,
  publishedMiniEvaluation,
  setUpMiniEvaluation,
  submitAndPublish,
} from '../../test/evaluation-fixture'
import { readResults } from '../results/read-results'
import { putScore } from '../scores/put-score'
import { reEvaluateEvaluation } from './re-evaluate-evaluation'

const tenantId = 'zhengzhou'
const evaluationId = 'e2020'

/** The published mini evaluation (version 3). */
async function publishedEvaluation(): Promise<EvaluationTestDeps> {
  const deps = evaluationTestDeps()
  await publishedMiniEvaluation({ deps })
  return deps
}

const stored = (deps: EvaluationTestDeps) => deps.stores.evaluations.getEvaluation({ tenantId, evaluationId })
const totalsOf = async (deps: EvaluationTestDeps, revision?: number) => {
  const results = await readResults({
    deps,
    actor: admin,
    input: { evaluationId, revision, isPreview: false },
  })
  return {
    revision: results.revision,
    totals: Object.fromEntries(
      results.groups.flatMap((group) => group.rows.map((row) => [row.unitId, row.total])),
    ),
  }
}

describe('reEvaluateEvaluation', () => {
  it('reopens a published evaluation as a draft of the next revision, with its reason audited', async () => {
    const deps = await publishedEvaluation()

    const reopened = await reEvaluateEvaluation({
      deps,
      actor: admin,
      input: { evaluationId, expectedVersion: 3, reason: '  荥阳市申请复查  ' },
    })

    expect(reopened).toMatchObject({
      status: 'draft',
      revision: 1,
      revisionReason: '荥阳市申请复查',
      version: 4,
    })
    expect(await stored(deps)).toEqual(reopened)
    const [latest] = await deps.audit.listAudit({
      tenantId,
      entity: { entityType: 'evaluation', entityId: evaluationId },
    })
    expect(latest).toMatchObject({
      action: 'evaluation.re-evaluate',
      actorId: admin.userId,
      reason: expect.stringContaining('荥阳市申请复查'),
      before: { status: 'published', revision: 0, version: 3 },
      after: { status: 'draft', revision: 1, version: 4 },
    })
  })

  it.each([undefined, '   '])('needs a reason (%j gets a ValidationError naming reason)', async (reason) => {
    const deps = await publishedEvaluation()
    const before = await stored(deps)

    const reopened = reEvaluateEvaluation({
      deps,
      actor: admin,
      input: { evaluationId, expectedVersion: 3, reason },
    })

    await expect(reopened).rejects.toBeInstanceOf(ValidationError)
    await expect(reopened).rejects.toMatchObject({ issues: [{ path: 'reason' }] })
    expect(await stored(deps)).toEqual(before)
  })

  it('keeps the published revision readable until the next one is published, and afterwards', async () => {
    const deps = await publishedEvaluation()
    await reEvaluateEvaluation({
      deps,
      actor: admin,
      input: { evaluationId, expectedVersion: 3, reason: '复查' },
    })
    const whileReopened = await totalsOf(deps)
    await putScore({
      deps,
      actor: evaluator,
      input: {
        evaluationId,
        score: { unitId: 'c02', kind: 'score', key: '互动交流', value: 30 },
        expectedVersion: 1,
      },
    })

    await submitAndPublish({ deps, evaluationId })

    const revision0 = { c01: 91, c02: 74, d01: 70, d02: 46 }
    expect(whileReopened).toEqual({ revision: 0, totals: revision0 })
    expect(await totalsOf(deps)).toEqual({ revision: 1, totals: { ...revision0, c02: 80 } })
    expect(await totalsOf(deps, 0)).toEqual({ revision: 0, totals: revision0 })
  })

  it('refuses an evaluation that is not published with ConflictError', async () => {
    const deps = evaluationTestDeps()
    await setUpMiniEvaluation({ deps })

    const reopened = reEvaluateEvaluation({
      deps,
      actor: admin,
      input: { evaluationId, expectedVersion: 1, reason: '复查' },
    })

    await expect(reopened).rejects.toBeInstanceOf(ConflictError)
    expect((await stored(deps))?.revision).toBe(0)
  })

  it('refuses an evaluator with ForbiddenError', async () => {
    const deps = await publishedEvaluation()

    const reopened = reEvaluateEvaluation({
      deps,
      actor: evaluator,
      input: { evaluationId, expectedVersion: 3, reason: '复查' },
    })

    await expect(reopened).rejects.toBeInstanceOf(ForbiddenError)
    expect((await stored(deps))?.status).toBe('published')
  })

  it("answers another tenant's evaluation with NotFoundError", async () => {
    const deps = await publishedEvaluation()

    const reopened = reEvaluateEvaluation({
      deps,
      actor: otherTenantAdmin,
      input: { evaluationId, expectedVersion: 3, reason: '复查' },
    })

    await expect(reopened).rejects.toBeInstanceOf(NotFoundError)
  })

  it('refuses a stale expectedVersion with 409', async () => {
    const deps = await publishedEvaluation()

    const reopened = reEvaluateEvaluation({
      deps,
      actor: admin,
      input: { evaluationId, expectedVersion: 2, reason: '复查' },
    })

    await expect(reopened).rejects.toMatchObject({ status: 409, details: { current: { version: 3 } } })
    expect((await stored(deps))?.status).toBe('published')
  })
})
