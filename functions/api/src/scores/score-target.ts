import {
  type Evaluation,
  type EvaluationStore,
  type FieldIssue,
  type OrgStore,
  type Period,
  periodKey,
  type SchemeStore,
  type ScoreStore,
  scoreEntryId,
  type Unit,
  ValidationError,
} from '@pingce/core'
import type { SchemeInputKey } from '@pingce/scoring'

import { findDraftEvaluation } from '../evaluations/find-evaluation'
import { schemeInputKeys } from '../schemes/scheme-input-keys'
import type { ScoreInput } from './score-schemas'
import { settleImports } from './settle-imports'

export interface ScoreTarget {
  /** The evaluation's own period: monthly or quarterly inputs must fall inside it. */
  period: Period
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
  return { evaluation, target: { period: evaluation.period, unitsById, keysByGroup } }
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
  const issues: FieldIssue[] = []
  const valueProblem = input.value === null ? undefined : valueIssue({ key, value: input.value })
  if (valueProblem) issues.push({ path: `${prefix}value`, message: valueProblem })
  if (input.period !== undefined && !isPeriodWithin(input.period, target.period)) {
    issues.push({
      path: `${prefix}period`,
      message: `「${input.period}」is not a month or quarter of ${periodKey(target.period)} (e.g. ${periodKey(target.period)}-03)`,
    })
  }
  const raterProblem = input.rater === undefined ? undefined : raterIssue({ key, rater: input.rater })
  if (raterProblem) issues.push({ path: `${prefix}rater`, message: raterProblem })
  if (new TextEncoder().encode(scoreEntryId(input)).length > maxEntryIdBytes) {
    issues.push({ path: `${prefix}key`, message: 'key, period and rater together are too long to store' })
  }
  return issues
}

/** What stays exact in DynamoDB and in a float: far beyond any score or count a site has. */
const maxMagnitude = 1e12
/** A score's identity is part of its sort key, which DynamoDB caps at 1,024 bytes. */
const maxEntryIdBytes = 700

/** Why a value cannot be taken for this key, or undefined when it can. */
export function valueIssue(options: { key: SchemeInputKey; value: number }): string | undefined {
  const { key, value } = options
  if (!Number.isFinite(value) || Math.abs(value) > maxMagnitude) {
    return `must be a number between -${maxMagnitude} and ${maxMagnitude}`
  }
  if (value < 0 && key.kind !== 'printed-total') return 'must not be negative'
  if (key.kind === 'flag' && value !== 0 && value !== 1) return 'a check is 1 (failed) or 0 (passed)'
  if (key.kind === 'score' && key.max !== undefined && !key.allowsAboveMax && value > key.max + 1e-9) {
    return `must be at most ${key.max} (the indicator's maximum)`
  }
  return undefined
}

/** Whether a period of an input (`2016-03`, `2016-Q1`, `2016`) lies inside the evaluation's period. */
export function isPeriodWithin(period: string, of: Period): boolean {
  const match = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])))?$/.exec(period)
  if (!match) return false
  const year = Number(match[1])
  const month = match[2] ? Number(match[2]) : undefined
  const quarter = match[3] ? Number(match[3]) : undefined
  if (year !== of.year) return false
  if (of.kind === 'year') return true
  if (of.kind === 'quarter') {
    if (quarter !== undefined) return quarter === of.index
    return month !== undefined && Math.ceil(month / 3) === of.index
  }
  return month === of.index
}

/** Why a rater id cannot be taken for this key: only rated indicators take raters, of known groups. */
function raterIssue(options: { key: SchemeInputKey; rater: string }): string | undefined {
  const { key, rater } = options
  if (!key.raters) return 'this indicator is not scored by several raters'
  if (!/^[^\s:#|]{1,40}(?::[^\s#|]{1,40})?$/.test(rater))
    return 'must be `group` or `group:person`, each at most 40 characters'
  const weights = key.raters.weights
  const group = rater.split(':')[0] ?? ''
  if (weights && !(group in weights))
    return `unknown rater group 「${group}」 (the scheme has ${Object.keys(weights).join(', ')})`
  return undefined
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
