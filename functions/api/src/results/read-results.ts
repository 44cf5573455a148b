import {
  type Actor,
  assertRole,
  ConflictError,
  type Evaluation,
  ForbiddenError,
  NotFoundError,
  type PublishedGroup,
  publishedRevision,
} from '@pingce/core'
import type { Services } from '../services'
import { computeEvaluationResults } from './compute-evaluation-results'
import type { PublishedResultsCache } from './published-results-cache'

export const readResultsRoles = ['admin', 'evaluator', 'supervisor', 'unit'] as const

export interface EvaluationResults {
  evaluation: Evaluation
  revision: number
  status: 'published' | 'preview'
  /** The groups the actor may see, each with the rows and explanations the actor may see. */
  groups: PublishedGroup[]
  /** Whether the answer is the same for every staff member (so it may be served pre-rendered). */
  isSharedView: boolean
}

/** The visibility policy: a unit user sees its own row and explanation only, and only published. */
function visibleTo(actor: Actor, groups: PublishedGroup[]): PublishedGroup[] {
  if (actor.role !== 'unit') return groups
  return groups
    .map((group) => ({
      ...group,
      rows: group.rows.filter((row) => row.unitId === actor.unitId),
      explanations: Object.fromEntries(
        Object.entries(group.explanations).filter(([unitId]) => unitId === actor.unitId),
      ),
    }))
    .filter((group) => group.rows.length > 0)
}

/**
 * The results of an evaluation. Published results come from the immutable snapshot of the
 * requested (default: latest published) revision, through the instance's cache; a preview computes
 * them from the current scores and is for staff only.
 */
export async function readResults(options: {
  deps: Pick<Services, 'evaluations' | 'scores' | 'results' | 'schemes' | 'org'> & {
    publishedResults: PublishedResultsCache
  }
  actor: Actor
  input: {
    evaluationId: string
    groupId?: string | undefined
    revision?: number | undefined
    isPreview: boolean
  }
}): Promise<EvaluationResults> {
  const { deps, actor, input } = options
  assertRole({ actor, roles: readResultsRoles })
  const { tenantId } = actor
  const { evaluationId } = input
  if (input.isPreview && actor.role === 'unit') {
    throw new ForbiddenError({ message: '评估对象只能查看已发布的结果' })
  }
  // A preview must see the scores as they are now; published results may come from the cache.
  const evaluation = input.isPreview
    ? await deps.evaluations.getEvaluation({ tenantId, evaluationId })
    : await deps.publishedResults.evaluation({ tenantId, evaluationId })
  if (!evaluation) throw new NotFoundError({ message: '未找到该评估' })
  let groups: PublishedGroup[]
  let revision: number
  if (input.isPreview) {
    groups = await computeEvaluationResults({ deps, tenantId, evaluation })
    revision = evaluation.revision
  } else {
    const latest = publishedRevision(evaluation)
    revision = input.revision ?? latest ?? -1
    if (latest === undefined || revision > latest) {
      throw new ConflictError({ message: '该评估尚未发布结果', details: { status: evaluation.status } })
    }
    const snapshots = await deps.publishedResults.snapshots({ tenantId, evaluationId, revision })
    const order = new Map(evaluation.groups.map((group, index) => [group.groupId, index]))
    groups = snapshots
      .map((snapshot) => snapshot.group)
      .sort((a, b) => (order.get(a.groupId) ?? 0) - (order.get(b.groupId) ?? 0))
  }
  if (input.groupId) groups = groups.filter((group) => group.groupId === input.groupId)
  return {
    evaluation,
    revision,
    status: input.isPreview ? 'preview' : 'published',
    groups: visibleTo(actor, groups),
    isSharedView: !input.isPreview && actor.role !== 'unit',
  }
}
