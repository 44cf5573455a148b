import {
  type Actor,
  assertRole,
  ConflictError,
  type ScoreEntry,
  ScoreEntrySchema,
  scoreEntryId,
} from '@pingce/core'
import { auditEntryOf } from '../audit/audit-entry-of'
import type { Services } from '../services'
import type { ScoreInput } from './score-schemas'
import { assertScoreInputs, loadScoreTarget } from './score-target'

export const putScoreRoles = ['admin', 'evaluator'] as const

/**
 * Enters or changes one score of a draft evaluation with optimistic locking: a first entry sends
 * no version; a change sends the version it read, and a concurrent change gets 409 with the
 * current value. A split indicator is entered by its parts here (bulk and imports take wholes).
 */
export async function putScore(options: {
  deps: Pick<Services, 'evaluations' | 'scores' | 'org' | 'schemes' | 'clock' | 'newId'>
  actor: Actor
  input: { evaluationId: string; score: ScoreInput; expectedVersion: number | undefined }
}): Promise<ScoreEntry> {
  const { deps, actor } = options
  const { score, expectedVersion } = options.input
  assertRole({ actor, roles: putScoreRoles })
  const { tenantId } = actor
  const { evaluation, target } = await loadScoreTarget({
    deps,
    tenantId,
    evaluationId: options.input.evaluationId,
  })
  assertScoreInputs({ inputs: [score], target, listPath: undefined })
  const { evaluationId } = evaluation
  const entryId = scoreEntryId(score)
  const before = await deps.scores.getScore({ tenantId, evaluationId, entryId })
  if (before && expectedVersion === undefined) {
    throw new ConflictError({ message: '该分数已存在，请带上版本号修改', details: { current: before } })
  }
  const at = deps.clock().toISOString()
  const entry = ScoreEntrySchema.parse({
    ...score,
    version: (expectedVersion ?? 0) + 1,
    updatedAt: at,
    updatedBy: actor.userId,
  })
  await deps.scores.putScore({
    tenantId,
    evaluationId,
    evaluationVersion: evaluation.version,
    entry,
    expectedVersion,
    audit: auditEntryOf({
      actor,
      at,
      newId: deps.newId,
      action: 'score.put',
      entityType: 'score',
      entityId: entryId,
      evaluationId,
      before: before ?? null,
      after: entry,
    }),
  })
  return entry
}
