import { createHash } from 'node:crypto'
import { type Actor, assertRole, ScoreEntrySchema, ValidationError } from '@pingce/core'
import { auditEntryOf } from '../audit/audit-entry-of'
import { expandInput } from '../schemes/scheme-input-keys'
import type { Services } from '../services'
import { parseSheet } from './parse-sheet'
import type { ScoreImportResult, ScoreInput } from './score-schemas'
import { assertScoreInputs, loadScoreTarget, type ScoreTarget } from './score-target'
import { sheetToInputs } from './sheet-to-inputs'

export const importScoresRoles = ['admin', 'evaluator'] as const

/** Where imported scores come from: a list (bulk entry, the demo) or a group's uploaded sheet. */
export type ScoreSource =
  | { kind: 'entries'; scores: ScoreInput[] }
  | { kind: 'sheet'; groupId: string; fileName: string; bytes: Uint8Array }

/** The checked inputs of a source, split wholes expanded into their parts, and what identifies it. */
async function inputsOf(options: {
  source: ScoreSource
  target: ScoreTarget
  groupIds: string[]
}): Promise<{ inputs: ScoreInput[]; fingerprint: string; fileName: string }> {
  const { source, target } = options
  if (source.kind === 'entries') {
    assertScoreInputs({ inputs: source.scores, target, listPath: 'scores', allowWholes: true })
    const inputs = source.scores.flatMap((input) => {
      const groupId = target.unitsById.get(input.unitId)?.groupId ?? ''
      return expandInput({ input, keys: target.keysByGroup.get(groupId) ?? [] })
    })
    return { inputs, fingerprint: JSON.stringify(source.scores), fileName: 'bulk.json' }
  }
  if (!options.groupIds.includes(source.groupId)) {
    throw new ValidationError({
      message: '分组不属于该评估',
      issues: [{ path: 'groupId', message: 'not a group of this evaluation' }],
    })
  }
  const sheet = await parseSheet({ bytes: source.bytes, fileName: source.fileName })
  const units = [...target.unitsById.values()].filter((unit) => unit.groupId === source.groupId)
  const inputs = sheetToInputs({
    sheet,
    units,
    keys: target.keysByGroup.get(source.groupId) ?? [],
    period: target.period,
  })
  const digest = createHash('sha256').update(source.bytes).digest('hex')
  return { inputs, fingerprint: `${source.groupId}\n${digest}`, fileName: source.fileName }
}

/**
 * Imports scores into a draft evaluation all or nothing: every bad input or cell is reported
 * (`scores.<i>.<field>` or `rows.<n>.<column>`) and nothing is stored; a valid import is applied
 * in one go with its audit entry. The import id is the content and its target (evaluation,
 * revision, group, bytes), so the same file or list imported twice applies once.
 */
export async function importScores(options: {
  deps: Pick<Services, 'evaluations' | 'scores' | 'org' | 'schemes' | 'clock' | 'newId'>
  actor: Actor
  input: { evaluationId: string; source: ScoreSource }
}): Promise<ScoreImportResult> {
  const { deps, actor } = options
  assertRole({ actor, roles: importScoresRoles })
  const { tenantId } = actor
  const { evaluation, target } = await loadScoreTarget({
    deps,
    tenantId,
    evaluationId: options.input.evaluationId,
  })
  const groupIds = evaluation.groups.map((group) => group.groupId)
  const { inputs, fingerprint, fileName } = await inputsOf({ source: options.input.source, target, groupIds })
  const importId = createHash('sha256')
    .update(`${evaluation.evaluationId}\n${evaluation.revision}\n${fingerprint}`)
    .digest('hex')
    .slice(0, 32)
  const at = deps.clock().toISOString()
  const { alreadyApplied } = await deps.scores.applyImport({
    tenantId,
    evaluationId: evaluation.evaluationId,
    evaluationVersion: evaluation.version,
    record: { importId, fileName, entryCount: inputs.length, importedAt: at, importedBy: actor.userId },
    entries: inputs.map((input) =>
      ScoreEntrySchema.parse({ ...input, version: 1, updatedAt: at, updatedBy: actor.userId }),
    ),
    audit: auditEntryOf({
      actor,
      at,
      newId: deps.newId,
      action: 'scores.import',
      entityType: 'score-import',
      entityId: importId,
      evaluationId: evaluation.evaluationId,
      after: { fileName, entryCount: inputs.length },
    }),
  })
  return { importId, entryCount: inputs.length, alreadyApplied }
}
