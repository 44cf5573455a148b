import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@pingce/core'
import { kaifeng2020 } from '@pingce/scoring'
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
  supervisor,
} from '../../test/evaluation-fixture'
import { readResults } from '../results/read-results'
import { importScores } from '../scores/import-scores'
import { changeEvaluationStatus } from './change-evaluation-status'
import { publishEvaluation } from './publish-evaluation'

const tenantId = 'zhengzhou'
const evaluationId = 'e2020'
const at = '2026-11-23T08:00:00.000Z'

/** The mini evaluation with its scores, submitted for review (version 2). */
async function evaluationInReview(): Promise<EvaluationTestDeps> {
  const deps = evaluationTestDeps()
  await setUpMiniEvaluation({ deps })
  await importScores({
    deps,
    actor: evaluator,
    input: { evaluationId, source: { kind: 'entries', scores: miniScores } },
  })
  await changeEvaluationStatus({
    deps,
    actor: admin,
    input: { evaluationId, action: 'submit-for-review', expectedVersion: 1 },
  })
  return deps
}

const snapshots = (deps: EvaluationTestDeps, revision = 0) =>
  deps.stores.results.getPublished({ tenantId, evaluationId, revision })

describe('publishEvaluation', () => {
  it('publishes Kaifeng 2020 with its printed ranks and totals, and serves the snapshots as results', async () => {
    const deps = evaluationTestDeps()
    const kaifengAdmin = actorOf({ role: 'admin', tenantId: 'kaifeng' })
    const plan = fixturePlan({ fixture: kaifeng2020, prefix: 'kf' })
    await setUpFixtureEvaluation({ deps, actor: kaifengAdmin, plan, evaluationId: 'kf-2020', year: 2020 })
    await importScores({
      deps,
      actor: actorOf({ role: 'evaluator', tenantId: 'kaifeng' }),
      input: { evaluationId: 'kf-2020', source: { kind: 'entries', scores: plan.scores } },
    })
    await changeEvaluationStatus({
      deps,
      actor: kaifengAdmin,
      input: { evaluationId: 'kf-2020', action: 'submit-for-review', expectedVersion: 1 },
    })

    const published = await publishEvaluation({
      deps,
      actor: kaifengAdmin,
      input: { evaluationId: 'kf-2020', expectedVersion: 2 },
    })

    expect(published).toMatchObject({ status: 'published', revision: 0, version: 3 })
    const stored = await deps.stores.results.getPublished({
      tenantId: 'kaifeng',
      evaluationId: 'kf-2020',
      revision: 0,
    })
    expect(stored.map((snapshot) => [snapshot.groupId, snapshot.revision, snapshot.computedAt])).toEqual([
      ['county', 0, at],
      ['department', 0, at],
    ])
    const rows = stored.flatMap((snapshot) => snapshot.group.rows)
    expect(rows).toHaveLength(kaifeng2020.printed.length)
    for (const printed of kaifeng2020.printed) {
      const row = rows.find((candidate) => candidate.unitId === plan.unitIdOf.get(printed.unitId))
      expect(row).toMatchObject({
        unitName: printed.unitId,
        rank: printed.rank,
        displayTotal: printed.total.toFixed(2),
      })
      expect(row?.reconciliation).toBeUndefined()
    }
    const results = await readResults({
      deps,
      actor: kaifengAdmin,
      input: { evaluationId: 'kf-2020', isPreview: false },
    })
    expect(results.groups).toEqual(stored.map((snapshot) => snapshot.group))
    const [latest] = await deps.audit.listAudit({
      tenantId: 'kaifeng',
      entity: { entityType: 'evaluation', entityId: 'kf-2020' },
    })
    expect(latest).toMatchObject({
      action: 'evaluation.publish',
      actorId: kaifengAdmin.userId,
      before: { status: 'in-review', revision: 0, version: 2 },
      after: { status: 'published', revision: 0, version: 3 },
    })
  })

  it('refuses a second publication of the same revision, keeping the first snapshot', async () => {
    const deps = await evaluationInReview()
    const published = await publishEvaluation({
      deps,
      actor: admin,
      input: { evaluationId, expectedVersion: 2 },
    })
    const first = await snapshots(deps)

    const again = publishEvaluation({
      deps,
      actor: admin,
      input: { evaluationId, expectedVersion: published.version },
    })

    await expect(again).rejects.toBeInstanceOf(ConflictError)
    expect(await snapshots(deps)).toEqual(first)
    const audit = await deps.audit.listAudit({ tenantId, evaluationId })
    expect(audit.filter((entry) => entry.action === 'evaluation.publish')).toHaveLength(1)
  })

  it.each([evaluator, supervisor])(
    'refuses a $role with ForbiddenError, publishing nothing',
    async (actor) => {
      const deps = await evaluationInReview()

      const published = publishEvaluation({ deps, actor, input: { evaluationId, expectedVersion: 2 } })

      await expect(published).rejects.toBeInstanceOf(ForbiddenError)
      expect(await snapshots(deps)).toEqual([])
      expect((await deps.stores.evaluations.getEvaluation({ tenantId, evaluationId }))?.status).toBe(
        'in-review',
      )
    },
  )

  it('refuses a draft with ConflictError: it is submitted for review first', async () => {
    const deps = evaluationTestDeps()
    await setUpMiniEvaluation({ deps })

    const published = publishEvaluation({ deps, actor: admin, input: { evaluationId, expectedVersion: 1 } })

    await expect(published).rejects.toMatchObject({ status: 409, details: { status: 'draft' } })
    expect(await snapshots(deps)).toEqual([])
  })

  it('refuses a stale expectedVersion with 409, publishing nothing', async () => {
    const deps = await evaluationInReview()

    const published = publishEvaluation({ deps, actor: admin, input: { evaluationId, expectedVersion: 1 } })

    await expect(published).rejects.toMatchObject({ status: 409, details: { current: { version: 2 } } })
    expect(await snapshots(deps)).toEqual([])
  })

  it("answers another tenant's evaluation with NotFoundError", async () => {
    const deps = await evaluationInReview()

    const published = publishEvaluation({
      deps,
      actor: otherTenantAdmin,
      input: { evaluationId, expectedVersion: 2 },
    })

    await expect(published).rejects.toBeInstanceOf(NotFoundError)
    expect(await snapshots(deps)).toEqual([])
  })

  it('publishes nothing when the stored scores cannot be computed', async () => {
    const deps = evaluationTestDeps()
    await setUpMiniEvaluation({ deps })
    await importScores({
      deps,
      actor: evaluator,
      input: { evaluationId, source: { kind: 'entries', scores: miniScores } },
    })
    // An entry no use case would accept, written straight into the store while a draft.
    await deps.stores.scores.putScore({
      tenantId,
      evaluationId,
      evaluationVersion: 1,
      entry: {
        unitId: 'c01',
        kind: 'measure',
        key: '报送数',
        value: 3,
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
    await changeEvaluationStatus({
      deps,
      actor: admin,
      input: { evaluationId, action: 'submit-for-review', expectedVersion: 1 },
    })

    const published = publishEvaluation({ deps, actor: admin, input: { evaluationId, expectedVersion: 2 } })

    await expect(published).rejects.toBeInstanceOf(ValidationError)
    expect(await snapshots(deps)).toEqual([])
    expect((await deps.stores.evaluations.getEvaluation({ tenantId, evaluationId }))?.status).toBe(
      'in-review',
    )
  })
})
