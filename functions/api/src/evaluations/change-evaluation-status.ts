import type { Actor, Evaluation } from '@pingce/core'
import type { Services } from '../services'
import { evaluationLifecycleRoles, stepEvaluation } from './step-evaluation'

export const changeEvaluationStatusRoles = evaluationLifecycleRoles

/**
 * Submits a draft for review (提交审核: its scores are frozen from then on) or returns one in review
 * to draft (退回修改), if the evaluation is still at `expectedVersion`.
 */
export async function changeEvaluationStatus(options: {
  deps: Pick<Services, 'evaluations' | 'scores' | 'clock' | 'newId'>
  actor: Actor
  input: {
    evaluationId: string
    action: 'submit-for-review' | 'return-to-draft'
    expectedVersion: number
    reason?: string | undefined
  }
}): Promise<Evaluation> {
  return stepEvaluation(options)
}
