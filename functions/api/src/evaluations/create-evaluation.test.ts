import { ConflictError, ForbiddenError, ValidationError } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { actorOf } from '../../test/actors'
import {
  admin,
  type EvaluationTestDeps,
  evaluationTestDeps,
  miniEvaluationInput,
  miniScheme,
  otherTenantAdmin,
  setUpMiniOrg,
} from '../../test/evaluation-fixture'
import { putGroup } from '../org/put-group'
import { createScheme } from '../schemes/create-scheme'
import { createEvaluation } from './create-evaluation'

const tenantId = 'zhengzhou'

async function orgWithScheme(): Promise<EvaluationTestDeps> {
  const deps = evaluationTestDeps()
  await setUpMiniOrg({ deps })
  return deps
}

describe('createEvaluation', () => {
  it('creates a draft at revision 0 and version 1, audited with what was created', async () => {
    const deps = await orgWithScheme()

    const evaluation = await createEvaluation({ deps, actor: admin, input: miniEvaluationInput() })

    expect(evaluation).toMatchObject({
      evaluationId: 'e2020',
      status: 'draft',
      revision: 0,
      version: 1,
      createdAt: '2026-11-23T08:00:00.000Z',
      updatedAt: '2026-11-23T08:00:00.000Z',
      groups: miniEvaluationInput().groups,
    })
    expect(await deps.stores.evaluations.getEvaluation({ tenantId, evaluationId: 'e2020' })).toEqual(
      evaluation,
    )
    expect(
      await deps.audit.listAudit({ tenantId, entity: { entityType: 'evaluation', entityId: 'e2020' } }),
    ).toEqual([
      expect.objectContaining({
        action: 'evaluation.create',
        actorId: admin.userId,
        actorRole: 'admin',
        evaluationId: 'e2020',
        after: evaluation,
      }),
    ])
  })

  it('keeps references that resolve: last period, its ranks of known units, monthly sources', async () => {
    const deps = await orgWithScheme()
    await createEvaluation({
      deps,
      actor: admin,
      input: miniEvaluationInput({ evaluationId: 'e2019', period: { kind: 'year', year: 2019 } }),
    })
    await createEvaluation({
      deps,
      actor: admin,
      input: miniEvaluationInput({
        evaluationId: 'e2020-01',
        period: { kind: 'month', year: 2020, index: 1 },
      }),
    })

    const evaluation = await createEvaluation({
      deps,
      actor: admin,
      input: miniEvaluationInput({
        previousEvaluationId: 'e2019',
        previousRanks: { c01: 2, c02: 1 },
        sourceEvaluationIds: ['e2020-01'],
      }),
    })

    expect(evaluation).toMatchObject({
      previousEvaluationId: 'e2019',
      previousRanks: { c01: 2, c02: 1 },
      sourceEvaluationIds: ['e2020-01'],
    })
  })

  it.each(['evaluator', 'supervisor', 'unit'] as const)('refuses a %s with ForbiddenError', async (role) => {
    const deps = await orgWithScheme()

    const created = createEvaluation({ deps, actor: actorOf({ role }), input: miniEvaluationInput() })

    await expect(created).rejects.toBeInstanceOf(ForbiddenError)
    expect(await deps.stores.evaluations.listEvaluations({ tenantId })).toEqual([])
  })

  it('reports every reference that does not resolve at once, each naming its field, and stores nothing', async () => {
    const deps = await orgWithScheme()
    // A second scheme that defines only the county group.
    await createScheme({
      deps,
      actor: admin,
      input: {
        schemeId: 'county-only',
        name: '县区方案',
        document: { ...structuredClone(miniScheme), id: 'county-only', groups: [miniScheme.groups[0]] },
      },
    })

    const created = createEvaluation({
      deps,
      actor: admin,
      input: miniEvaluationInput({
        groups: [
          { groupId: 'county', schemeId: 'mini', schemeVersion: 1 },
          { groupId: 'villages', schemeId: 'mini', schemeVersion: 1 },
          { groupId: 'county', schemeId: 'mini', schemeVersion: 2 },
          { groupId: 'department', schemeId: 'county-only', schemeVersion: 1 },
        ],
        previousEvaluationId: 'e2019',
        previousRanks: { c01: 1, ghost: 2 },
        sourceEvaluationIds: ['e2020-01', 'e2020-02'],
      }),
    })

    await expect(created).rejects.toBeInstanceOf(ValidationError)
    await expect(created).rejects.toMatchObject({
      issues: [
        { path: 'groups.1.groupId', message: 'no such group' },
        { path: 'groups.1.groupId', message: 'the scheme has no group with this id' },
        { path: 'groups.2.schemeVersion', message: 'no such scheme version' },
        { path: 'groups.3.groupId', message: 'the scheme has no group with this id' },
        { path: 'previousEvaluationId', message: 'no such evaluation' },
        { path: 'previousRanks.ghost', message: 'no such unit' },
        { path: 'sourceEvaluationIds.0', message: 'no such evaluation' },
        { path: 'sourceEvaluationIds.1', message: 'no such evaluation' },
      ],
    })
    expect(await deps.stores.evaluations.listEvaluations({ tenantId })).toEqual([])
    const audit = await deps.audit.listAudit({
      tenantId,
      entity: { entityType: 'evaluation', entityId: 'e2020' },
    })
    expect(audit).toEqual([])
  })

  it("does not resolve another tenant's groups, schemes, units or evaluations", async () => {
    const deps = await orgWithScheme()
    await createEvaluation({ deps, actor: admin, input: miniEvaluationInput({ evaluationId: 'e2019' }) })
    await putGroup({
      deps,
      actor: otherTenantAdmin,
      input: { groupId: 'county', name: '县区', sortOrder: 1 },
    })

    const created = createEvaluation({
      deps,
      actor: otherTenantAdmin,
      input: miniEvaluationInput({
        groups: [{ groupId: 'county', schemeId: 'mini', schemeVersion: 1 }],
        previousEvaluationId: 'e2019',
        previousRanks: { c01: 1 },
      }),
    })

    await expect(created).rejects.toMatchObject({
      status: 400,
      issues: [
        { path: 'groups.0.schemeVersion' },
        { path: 'previousEvaluationId' },
        { path: 'previousRanks.c01' },
      ],
    })
    expect(await deps.stores.evaluations.listEvaluations({ tenantId: 'kaifeng' })).toEqual([])
  })

  it('refuses an id that is taken with ConflictError, keeping the first evaluation', async () => {
    const deps = await orgWithScheme()
    const first = await createEvaluation({ deps, actor: admin, input: miniEvaluationInput() })

    const again = createEvaluation({ deps, actor: admin, input: miniEvaluationInput({ name: '另一个评估' }) })

    await expect(again).rejects.toBeInstanceOf(ConflictError)
    expect(await deps.stores.evaluations.getEvaluation({ tenantId, evaluationId: 'e2020' })).toEqual(first)
  })
})
