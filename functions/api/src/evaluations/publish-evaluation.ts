import type { Actor, Evaluation } from '@pingce/core'
import { computeEvaluationResults } from '../results/compute-evaluation-results'
import type { Services } from '../services'
import { stepEvaluation } from './step-evaluation'

/**
 * Publishes an evaluation in review: computes every group's results from the stored scores (ranks,
 * grades, last period's ranks, reconciliation, explanations) and stores them as the immutable
 * snapshot of this revision, in the same transaction as the status change and its audit entry.
 */
export async function publishEvaluation(options: {
  deps: Pick<Services, 'evaluations' | 'scores' | 'results' | 'schemes' | 'org' | 'clock' | 'newId'>
  actor: Actor
  input: { evaluationId: string; expectedVersion: number }
}): Promise<Evaluation> {
  const { deps, actor } = options
  return stepEvaluation({
    deps,
    actor,
    input: { ...options.input, action: 'publish' },
    publication: async (next, at) => {
      const groups = await computeEvaluationResults({ deps, tenantId: actor.tenantId, evaluation: next })
      return groups.map((group) => ({
        groupId: group.groupId,
        revision: next.revision,
        computedAt: at,
        group,
      }))
    },
  })
}
