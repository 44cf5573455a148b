import type { AuditLog, EvaluationStore, ScoreStore } from '@pingce/core'
import { sampleEvaluation } from '@pingce/core/fakes'
import { auditOf } from './contract-fixtures'

export interface ScoreStoreSubject {
  scores: ScoreStore
  audit: AuditLog
  evaluations: EvaluationStore
}

type WithoutVersion<F> = F extends (options: infer O) => infer R
  ? (options: Omit<O, 'evaluationVersion'>) => R
  : never

/** The store as the cases use it: each evaluation they name exists as a draft at version 1. */
export interface DraftScores extends Omit<ScoreStore, 'putScore' | 'applyImport'> {
  putScore: WithoutVersion<ScoreStore['putScore']>
  applyImport: WithoutVersion<ScoreStore['applyImport']>
}

/** Creates the draft evaluation a case writes into, once per tenant and evaluation id. */
export async function ensureDraft(
  subject: ScoreStoreSubject,
  tenantId: string,
  evaluationId: string,
): Promise<void> {
  if (await subject.evaluations.getEvaluation({ tenantId, evaluationId })) return
  await subject.evaluations.createEvaluation({
    tenantId,
    evaluation: sampleEvaluation({ evaluationId }),
    audit: auditOf({
      action: 'evaluation.create',
      entityType: 'evaluation',
      entityId: evaluationId,
      evaluationId,
    }),
  })
}

export function drafted(subject: ScoreStoreSubject): DraftScores {
  const { scores } = subject
  return {
    getScore: (options) => scores.getScore(options),
    listScores: (options) => scores.listScores(options),
    getPendingImport: (options) => scores.getPendingImport(options),
    settlePendingImport: (options) => scores.settlePendingImport(options),
    putScore: async (options) => {
      await ensureDraft(subject, options.tenantId, options.evaluationId)
      return scores.putScore({ ...options, evaluationVersion: 1 })
    },
    applyImport: async (options) => {
      await ensureDraft(subject, options.tenantId, options.evaluationId)
      return scores.applyImport({ ...options, evaluationVersion: 1 })
    },
  }
}

/** The subject with its store wrapped by {@link drafted}, for the cases that need no other draft. */
export async function draftedSubject(make: () => Promise<ScoreStoreSubject>) {
  const subject = await make()
  return { ...subject, scores: drafted(subject) }
}

export const scoreAudit = (unitId: string) =>
  auditOf({ action: 'score.put', entityType: 'score', entityId: unitId, evaluationId: 'zz-2016' })
