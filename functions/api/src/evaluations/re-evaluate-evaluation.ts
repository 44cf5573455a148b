import type { Actor, Evaluation } from '@pingce/core'
import type { Services } from '../services'
import { stepEvaluation } from './step-evaluation'

/**
 * 复查复评: reopens a published evaluation as a new draft revision, with its reason. The published
 * snapshot of the earlier revision stays what readers see until the new one is published.
 */
export async function reEvaluateEvaluation(options: {
  deps: Pick<Services, 'evaluations' | 'scores' | 'clock' | 'newId'>
  actor: Actor
  input: { evaluationId: string; expectedVersion: number; reason?: string | undefined }
}): Promise<Evaluation> {
  return stepEvaluation({ ...options, input: { ...options.input, action: 're-evaluate' } })
}
