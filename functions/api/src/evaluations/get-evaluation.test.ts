import { NotFoundError } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import {
  admin,
  type EvaluationTestDeps,
  evaluationTestDeps,
  evaluator,
  otherTenantAdmin,
  publishedMiniEvaluation,
  setUpMiniEvaluation,
  supervisor,
  unitUser,
} from '../../test/evaluation-fixture'
import { getEvaluation } from './get-evaluation'

async function draftEvaluation(): Promise<EvaluationTestDeps> {
  const deps = evaluationTestDeps()
  await setUpMiniEvaluation({ deps })
  return deps
}

describe('getEvaluation', () => {
  it.each([admin, evaluator, supervisor])('gives a $role the evaluation as stored', async (actor) => {
    const deps = await draftEvaluation()

    const evaluation = await getEvaluation({ deps, actor, input: { evaluationId: 'e2020' } })

    expect(evaluation).toEqual(
      await deps.stores.evaluations.getEvaluation({ tenantId: 'zhengzhou', evaluationId: 'e2020' }),
    )
    expect(evaluation).toMatchObject({ evaluationId: 'e2020', status: 'draft', version: 1 })
  })

  it('gives a unit user a published evaluation', async () => {
    const deps = evaluationTestDeps()
    const published = await publishedMiniEvaluation({ deps })

    const evaluation = await getEvaluation({ deps, actor: unitUser('c01'), input: { evaluationId: 'e2020' } })

    expect(evaluation).toEqual(published)
  })

  it('hides a draft with nothing published from a unit user, as the list does (NotFoundError)', async () => {
    const deps = await draftEvaluation()

    const evaluation = getEvaluation({ deps, actor: unitUser('c01'), input: { evaluationId: 'e2020' } })

    await expect(evaluation).rejects.toBeInstanceOf(NotFoundError)
  })

  it("answers another tenant's evaluation with NotFoundError", async () => {
    const deps = await draftEvaluation()

    const found = getEvaluation({ deps, actor: otherTenantAdmin, input: { evaluationId: 'e2020' } })

    await expect(found).rejects.toBeInstanceOf(NotFoundError)
    await expect(found).rejects.toMatchObject({ status: 404 })
  })

  it('answers an unknown evaluation with NotFoundError', async () => {
    const deps = await draftEvaluation()

    const found = getEvaluation({ deps, actor: admin, input: { evaluationId: 'e1999' } })

    await expect(found).rejects.toBeInstanceOf(NotFoundError)
  })
})
