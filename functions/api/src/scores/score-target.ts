import {
  type Evaluation,
  type EvaluationStore,
  type FieldIssue,
  type OrgStore,
  type SchemeStore,
  type ScoreStore,
  type Unit,
  ValidationError,
} from '@pingce/core'
import type { SchemeInputKey } from '@pingce/scoring'
import { findDraftEvaluation } from '../evaluations/find-evaluation'
import { settleImports } from './settle-imports'
import { schemeInputKeys } from '../schemes/scheme-input-keys'
import type { ScoreInput } from './score-schemas'

export interface ScoreTarget {
  unitsById: Map<string, Unit>
  /** Input keys accepted per group (from the scheme version the evaluation pins for it). */
  keysByGroup: Map<string, SchemeInputKey[]>
}

/**
 * The draft evaluation scores are entered into (NotFoundError, or ConflictError once it is in review
 * or published) and what its inputs are checked against: its units and its schemes' keys.
 */
export async function loadScoreTarget(options: {
  deps: { evaluations: EvaluationStore; scores: ScoreStore; org: OrgStore; schemes: SchemeStore }
  tenantId: string
  evaluationId: string
}): Promise<{ evaluation: Evaluation; target: ScoreTarget }> {
  const { deps, tenantId } = options
  const evaluation = await findDraftEvaluation({ ...deps, tenantId, evaluationId: options.evaluationId })
  await settleImports({ scores: deps.scores, tenantId, evaluationId: evaluation.evaluationId })
  const groupIds = new Set(evaluation.groups.map((group) => group.groupId))
  const keysByGroup = new Map<string, SchemeInputKey[]>()
  // All units in one consistent read (an index read by group may not yet show a unit just created).
  const [units] = await Promise.all([
    deps.org.listUnits({ tenantId }),
    ...evaluation.groups.map(async (group) => {
      const scheme = await deps.schemes.getVersion({
        tenantId,
        schemeId: group.schemeId,
        version: group.schemeVersion,
      })
      keysByGroup.set(
        group.groupId,
        scheme ? schemeInputKeys({ document: scheme.document, groupId: group.groupId }) : [],
      )
    }),
  ])
  const unitsById = new Map<string, Unit>(
    units.filter((unit) => groupIds.has(unit.groupId)).map((unit) => [unit.unitId, unit]),
  )
  return { evaluation, target: { unitsById, keysByGroup } }
}

/** The problems of one input, each naming its field under `prefix`. */
export function scoreInputIssues(options: {
  input: ScoreInput
  target: ScoreTarget
  prefix: string
  /** Bulk entry and imports may give a split indicator as a whole; a single edit names a part. */
  allowWholes?: boolean
}): FieldIssue[] {
  const { input, target, prefix } = options
  const unit = target.unitsById.get(input.unitId)
  if (!unit) return [{ path: `${prefix}unitId`, message: 'not a unit of this evaluation' }]
  const keys = target.keysByGroup.get(unit.groupId) ?? []
  const key = keys.find((candidate) => candidate.key === input.key && candidate.kind === input.kind)
  if (!key)
    return [{ path: `${prefix}key`, message: `not a ${input.kind} of the scheme of this unit's group` }]
  if (key.parts && !options.allowWholes) {
    return [
      { path: `${prefix}key`, message: `enter its parts: ${key.parts.map((part) => part.key).join(', ')}` },
    ]
  }
  if (input.value === null && !key.allowsNotApplicable) {
    return [{ path: `${prefix}value`, message: 'this input cannot be not-applicable (无)' }]
  }
  if (input.value !== null && input.value < 0 && key.kind !== 'score') {
    return [{ path: `${prefix}value`, message: 'must not be negative' }]
  }
  return []
}

/**
 * Refuses inputs with any problem, naming every field: `<listPath>.<i>.<field>` for a list (bulk:
 * `scores.3.key`), the bare field for a single input (`key`).
 */
export function assertScoreInputs(options: {
  inputs: ScoreInput[]
  target: ScoreTarget
  listPath: string | undefined
  allowWholes?: boolean
}): void {
  const issues = options.inputs.flatMap((input, index) =>
    scoreInputIssues({
      input,
      target: options.target,
      prefix: options.listPath === undefined ? '' : `${options.listPath}.${index}.`,
      allowWholes: options.allowWholes ?? false,
    }),
  )
  if (issues.length > 0) throw new ValidationError({ message: '分数数据有误，未保存任何数据', issues })
}
