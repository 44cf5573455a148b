import { ConflictError, ValidationError } from '../errors'
import type { Evaluation, EvaluationStatus } from './evaluation'

export type EvaluationAction = 'submit-for-review' | 'return-to-draft' | 'publish' | 're-evaluate'

const allowed: Record<EvaluationAction, { from: EvaluationStatus; to: EvaluationStatus }> = {
  'submit-for-review': { from: 'draft', to: 'in-review' },
  'return-to-draft': { from: 'in-review', to: 'draft' },
  publish: { from: 'in-review', to: 'published' },
  // 复查复评: a published evaluation reopens as a new revision; the published snapshot stays.
  're-evaluate': { from: 'published', to: 'draft' },
}

/**
 * The lifecycle draft → in review → published, and re-evaluation of a published one as a new
 * revision with its reason. Returns the evaluation after the action, version bumped.
 */
export function transitionEvaluation(options: {
  evaluation: Evaluation
  action: EvaluationAction
  reason: string | undefined
  at: string
}): Evaluation {
  const { evaluation, action, reason, at } = options
  const rule = allowed[action]
  if (evaluation.status !== rule.from) {
    throw new ConflictError({
      message: `当前状态为「${statusLabels[evaluation.status]}」，不能执行该操作`,
      details: { status: evaluation.status, action },
    })
  }
  if (action === 're-evaluate' && !reason?.trim()) {
    throw new ValidationError({
      message: '复查复评须说明原因',
      issues: [{ path: 'reason', message: 'required for a re-evaluation' }],
    })
  }
  return {
    ...evaluation,
    status: rule.to,
    version: evaluation.version + 1,
    updatedAt: at,
    ...(action === 're-evaluate'
      ? { revision: evaluation.revision + 1, revisionReason: reason?.trim() }
      : {}),
  }
}

export const statusLabels: Record<EvaluationStatus, string> = {
  draft: '草稿',
  'in-review': '审核中',
  published: '已发布',
}

/** The revision whose published results readers see, or undefined before the first publication. */
export function publishedRevision(evaluation: Evaluation): number | undefined {
  if (evaluation.status === 'published') return evaluation.revision
  return evaluation.revision > 0 ? evaluation.revision - 1 : undefined
}
