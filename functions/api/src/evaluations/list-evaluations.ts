import { type Actor, assertRole, type Evaluation, publishedRevision } from '@pingce/core'
import type { Services } from '../services'

export const readEvaluationRoles = ['admin', 'evaluator', 'supervisor', 'unit'] as const

/** The tenant's evaluations in period order; a unit user sees those with something published. */
export async function listEvaluations(options: {
  deps: Pick<Services, 'evaluations'>
  actor: Actor
}): Promise<Evaluation[]> {
  const { deps, actor } = options
  assertRole({ actor, roles: readEvaluationRoles })
  const evaluations = await deps.evaluations.listEvaluations({ tenantId: actor.tenantId })
  if (actor.role !== 'unit') return evaluations
  return evaluations.filter((evaluation) => publishedRevision(evaluation) !== undefined)
}
