import { type Actor, assertRole, type Evaluation } from '@pingce/core'
import type { Services } from '../services'
import { findEvaluation } from './find-evaluation'
import { readEvaluationRoles } from './list-evaluations'

/** One evaluation of the tenant (NotFoundError when it is not the tenant's). */
export async function getEvaluation(options: {
  deps: Pick<Services, 'evaluations'>
  actor: Actor
  input: { evaluationId: string }
}): Promise<Evaluation> {
  const { deps, actor, input } = options
  assertRole({ actor, roles: readEvaluationRoles })
  return findEvaluation({ ...deps, tenantId: actor.tenantId, evaluationId: input.evaluationId })
}
