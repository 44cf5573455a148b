import {
  type Actor,
  assertRole,
  type Evaluation,
  type EvaluationAction,
  type PublishedSnapshot,
  transitionEvaluation,
} from '@pingce/core'
import { auditEntryOf } from '../audit/audit-entry-of'
import { settleImports } from '../scores/settle-imports'
import type { Services } from '../services'
import { findEvaluation } from './find-evaluation'

/** Who may move an evaluation through its lifecycle: the city's office. */
export const evaluationLifecycleRoles = ['admin'] as const

/**
 * One step of the lifecycle, written with its audit entry (and, for a publication, its snapshots)
 * in one transaction, if the evaluation is still at `expectedVersion`. The rules of which step is
 * allowed from which status are the core's `transitionEvaluation`. Not a use case of its own: the
 * use cases `changeEvaluationStatus`, `publishEvaluation` and `reEvaluateEvaluation` call it.
 */
export async function stepEvaluation(options: {
  deps: Pick<Services, 'evaluations' | 'scores' | 'clock' | 'newId'>
  actor: Actor
  input: {
    evaluationId: string
    action: EvaluationAction
    expectedVersion: number
    reason?: string | undefined
  }
  /** What a publication stores: computed from the evaluation as it will be once published. */
  publication?: (next: Evaluation, at: string) => Promise<PublishedSnapshot[]>
}): Promise<Evaluation> {
  const { deps, actor, input } = options
  assertRole({ actor, roles: evaluationLifecycleRoles })
  if (input.action === 'publish' && !options.publication) {
    throw new Error('a publication needs its snapshots: publish through publishEvaluation')
  }
  const { tenantId } = actor
  const current = await findEvaluation({ ...deps, tenantId, evaluationId: input.evaluationId })
  // An import cut off by a crash is undone first; one under way blocks review and publication.
  await settleImports({ scores: deps.scores, tenantId, evaluationId: current.evaluationId })
  const at = deps.clock().toISOString()
  const next = transitionEvaluation({ evaluation: current, action: input.action, reason: input.reason, at })
  const publication = options.publication ? await options.publication(next, at) : undefined
  await deps.evaluations.updateEvaluation({
    tenantId,
    evaluation: next,
    expectedVersion: input.expectedVersion,
    publication,
    audit: auditEntryOf({
      actor,
      at,
      newId: deps.newId,
      action: `evaluation.${input.action}`,
      entityType: 'evaluation',
      entityId: current.evaluationId,
      evaluationId: current.evaluationId,
      before: { status: current.status, revision: current.revision, version: current.version },
      after: { status: next.status, revision: next.revision, version: next.version },
      reason: input.reason?.trim() || undefined,
    }),
  })
  return next
}
