import { type Actor, assertRole, type Evaluation, NotFoundError, publishedRevision } from '@pingce/core'
import type { Services } from '../services'
import { findEvaluation } from './find-evaluation'
import { readEvaluationRoles } from './list-evaluations'

/**
 * One evaluation of the tenant (NotFoundError when it is not the tenant's). A unit user sees an
 * evaluation once something of it is published, as in the list.
 */
export async function getEvaluation(options: {
  deps: Pick<Services, 'evaluations'>
  actor: Actor
  input: { evaluationId: string }
}): Promise<Evaluation> {
  const { deps, actor, input } = options
  assertRole({ actor, roles: readEvaluationRoles })
  const evaluation = await findEvaluation({
    ...deps,
    tenantId: actor.tenantId,
    evaluationId: input.evaluationId,
  })
  if (actor.role === 'unit' && publishedRevision(evaluation) === undefined) {
    throw new NotFoundError({ message: '未找到该评估' })
  }
  return evaluation
}
