import type { Evaluation } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import {
  admin,
  type EvaluationTestDeps,
  evaluationTestDeps,
  evaluator,
  miniEvaluationInput,
  miniScores,
  otherTenantAdmin,
  setUpMiniOrg,
  submitAndPublish,
  supervisor,
  unitUser,
} from '../../test/evaluation-fixture'
import { importScores } from '../scores/import-scores'
import { changeEvaluationStatus } from './change-evaluation-status'
import { createEvaluation } from './create-evaluation'
import { listEvaluations } from './list-evaluations'
import { reEvaluateEvaluation } from './re-evaluate-evaluation'

async function createScored(
  deps: EvaluationTestDeps,
  evaluationId: string,
  year: number,
): Promise<Evaluation> {
  const evaluation = await createEvaluation({
    deps,
    actor: admin,
    input: miniEvaluationInput({ evaluationId, name: `${year} 年度`, period: { kind: 'year', year } }),
  })
  await importScores({
    deps,
    actor: evaluator,
    input: { evaluationId, source: { kind: 'entries', scores: miniScores } },
  })
  return evaluation
}

/**
 * Four evaluations, created out of period order: e2020 a draft, e2018 published and reopened
 * (a draft of revision 1), e2021 in review, e2019 published.
 */
async function evaluationsInEveryState(): Promise<EvaluationTestDeps> {
  const deps = evaluationTestDeps()
  await setUpMiniOrg({ deps })
  await createScored(deps, 'e2020', 2020)
  await createScored(deps, 'e2018', 2018)
  const published = await submitAndPublish({ deps, evaluationId: 'e2018' })
  await reEvaluateEvaluation({
    deps,
    actor: admin,
    input: { evaluationId: 'e2018', expectedVersion: published.version, reason: '复查' },
  })
  await createScored(deps, 'e2021', 2021)
  await changeEvaluationStatus({
    deps,
    actor: admin,
    input: { evaluationId: 'e2021', action: 'submit-for-review', expectedVersion: 1 },
  })
  await createScored(deps, 'e2019', 2019)
  await submitAndPublish({ deps, evaluationId: 'e2019' })
  return deps
}

const idsOf = (evaluations: Evaluation[]) => evaluations.map((evaluation) => evaluation.evaluationId)

describe('listEvaluations', () => {
  it.each([admin, evaluator, supervisor])(
    'lists every evaluation to a $role, in period order',
    async (actor) => {
      const deps = await evaluationsInEveryState()

      const evaluations = await listEvaluations({ deps, actor })

      expect(idsOf(evaluations)).toEqual(['e2018', 'e2019', 'e2020', 'e2021'])
      expect(evaluations.map((evaluation) => [evaluation.status, evaluation.revision])).toEqual([
        ['draft', 1],
        ['published', 0],
        ['draft', 0],
        ['in-review', 0],
      ])
    },
  )

  it('lists to a unit user only the evaluations with something published', async () => {
    const deps = await evaluationsInEveryState()

    const evaluations = await listEvaluations({ deps, actor: unitUser('c01') })

    expect(idsOf(evaluations)).toEqual(['e2018', 'e2019'])
  })

  it("never lists another tenant's evaluations", async () => {
    const deps = await evaluationsInEveryState()

    expect(await listEvaluations({ deps, actor: otherTenantAdmin })).toEqual([])
  })
})
