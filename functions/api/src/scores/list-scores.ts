import { type Actor, assertRole, type ScoreEntry } from '@pingce/core'
import { findEvaluation } from '../evaluations/find-evaluation'
import type { Services } from '../services'

export const listScoresRoles = ['admin', 'evaluator', 'supervisor'] as const

/** The scores of an evaluation, or of one of its units: staff only (units see published results). */
export async function listScores(options: {
  deps: Pick<Services, 'evaluations' | 'scores'>
  actor: Actor
  input: { evaluationId: string; unitId?: string | undefined }
}): Promise<ScoreEntry[]> {
  const { deps, actor, input } = options
  assertRole({ actor, roles: listScoresRoles })
  const evaluation = await findEvaluation({
    ...deps,
    tenantId: actor.tenantId,
    evaluationId: input.evaluationId,
  })
  const scores = await deps.scores.listScores({
    tenantId: actor.tenantId,
    evaluationId: evaluation.evaluationId,
  })
  return input.unitId ? scores.filter((score) => score.unitId === input.unitId) : scores
}
