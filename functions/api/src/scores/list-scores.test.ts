import { ForbiddenError, NotFoundError } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import {
  admin,
  type EvaluationTestDeps,
  evaluationTestDeps,
  evaluator,
  miniEvaluationInput,
  miniScores,
  otherTenantAdmin,
  setUpMiniEvaluation,
  submitAndPublish,
  supervisor,
  unitUser,
} from '../../test/evaluation-fixture'
import { createEvaluation } from '../evaluations/create-evaluation'
import { importScores } from './import-scores'
import { listScores } from './list-scores'

const evaluationId = 'e2020'

async function scoredEvaluation(): Promise<EvaluationTestDeps> {
  const deps = evaluationTestDeps()
  await setUpMiniEvaluation({ deps })
  await importScores({
    deps,
    actor: evaluator,
    input: { evaluationId, source: { kind: 'entries', scores: miniScores } },
  })
  return deps
}

describe('listScores', () => {
  it.each([admin, evaluator, supervisor])('lists every score of the evaluation to a $role', async (actor) => {
    const deps = await scoredEvaluation()

    const scores = await listScores({ deps, actor, input: { evaluationId } })

    expect(scores).toHaveLength(20)
    expect(new Set(scores.map((score) => score.unitId))).toEqual(new Set(['c01', 'c02', 'd01', 'd02']))
    expect(scores).toContainEqual(
      expect.objectContaining({ unitId: 'c01', kind: 'score', key: '信息公开.内容', value: 18, version: 1 }),
    )
  })

  it('lists the scores of one unit', async () => {
    const deps = await scoredEvaluation()

    const scores = await listScores({ deps, actor: supervisor, input: { evaluationId, unitId: 'd02' } })

    expect(scores.map((score) => `${score.key}=${score.value}`).sort()).toEqual([
      '互动交流=15',
      '信息公开.内容=10',
      '信息公开.格式=10',
      '办事指南=10',
      '采用数=10',
    ])
  })

  it('keeps the scores of a published evaluation readable', async () => {
    const deps = await scoredEvaluation()
    await submitAndPublish({ deps, evaluationId })

    const scores = await listScores({ deps, actor: evaluator, input: { evaluationId, unitId: 'c01' } })

    expect(scores).toHaveLength(5)
  })

  it('lists only the scores of the evaluation asked for', async () => {
    const deps = await scoredEvaluation()
    await createEvaluation({
      deps,
      actor: admin,
      input: miniEvaluationInput({ evaluationId: 'e2021', period: { kind: 'year', year: 2021 } }),
    })

    const scores = await listScores({ deps, actor: admin, input: { evaluationId: 'e2021' } })

    expect(scores).toEqual([])
  })

  it('refuses a unit user with ForbiddenError: units see published results instead', async () => {
    const deps = await scoredEvaluation()

    const listed = listScores({ deps, actor: unitUser('c01'), input: { evaluationId, unitId: 'c01' } })

    await expect(listed).rejects.toBeInstanceOf(ForbiddenError)
  })

  it("answers another tenant's or an unknown evaluation with NotFoundError", async () => {
    const deps = await scoredEvaluation()

    await expect(
      listScores({ deps, actor: otherTenantAdmin, input: { evaluationId } }),
    ).rejects.toBeInstanceOf(NotFoundError)
    await expect(listScores({ deps, actor: admin, input: { evaluationId: 'e1999' } })).rejects.toBeInstanceOf(
      NotFoundError,
    )
  })
})
