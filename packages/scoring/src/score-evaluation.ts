import { buildScoreMatrices } from './build-score-matrices'
import { compileScheme } from './compile-scheme'
import type { CompiledScheme } from './compiled-scheme'
import { explainAt } from './explain-unit'
import type { Explanation, ExplanationRule } from './explanation'
import { formatPoints } from './format-points'
import { indicatorRule } from './indicator-rule'
import type { Scheme } from './scheme-schema'
import { type ScoredEvaluation, type ScoredGroup, STATE_EXCLUDED, scoreMatrices } from './score-matrices'
import { ScoringInputError } from './scoring-input-error'
import type { UnitInput } from './unit-input'

export interface IndicatorResult {
  /** Exact value before rescaling; null when excluded (无). */
  value: number | null
  display: string
  rule: ExplanationRule
}

export interface UnitResult {
  unitId: string
  unitName: string
  groupId: string
  /** Exact total. */
  total: number
  /** Total rounded to the scheme's decimals: what is printed, ranked and graded. */
  presentedTotal: number
  displayTotal: string
  rank: number
  isTied: boolean
  grade: string | null
  isVetoed: boolean
  /** Against the scheme's pass mark; null when it has none. */
  isPassed: boolean | null
  previousRank: number | null
  /** Places gained since the previous period (positive is up). */
  movement: number | null
  values: Record<string, IndicatorResult>
}

export interface GroupResult {
  groupId: string
  groupName: string
  treeId: string
  decimals: number
  indicators: { id: string; label: string; max: number; depth: number }[]
  /** Best first. */
  rows: UnitResult[]
}

export interface EvaluationResult {
  groups: GroupResult[]
  /** Every unit's explanation, computed when asked. */
  explain: (unitId: string) => Explanation
  scored: ScoredEvaluation
}

/**
 * Scores, ranks and grades every group of an evaluation from units and their entries.
 *
 * @example
 * const result = scoreEvaluation({ scheme, units, previousRanks: { 新密市: 1 } })
 * result.groups[0]?.rows[0]?.displayTotal // '89.41'
 * result.explain('审计局').lines
 */
export function scoreEvaluation(options: {
  scheme: Scheme | CompiledScheme | unknown
  units: UnitInput[]
  previousRanks?: Record<string, number>
}): EvaluationResult {
  const compiled = isCompiled(options.scheme) ? options.scheme : compileScheme({ scheme: options.scheme })
  const { matrices } = buildScoreMatrices({ compiled, units: options.units })
  const scored = scoreMatrices({
    compiled,
    matrices,
    ...(options.previousRanks ? { previousRanks: options.previousRanks } : {}),
  })
  const decimals = compiled.decimals
  const passMark = compiled.scheme.passMark
  const groups = scored.groups.map((group): GroupResult => {
    const tree = group.group.tree
    const rows = Array.from(group.ranking.order, (unit): UnitResult => {
      const values: Record<string, IndicatorResult> = {}
      for (const node of tree.displayOrder) {
        const at = unit * tree.nodeCount + node
        const isExcluded = group.states[at] === STATE_EXCLUDED
        const value = group.values[at]!
        values[tree.ids[node]!] = {
          value: isExcluded ? null : value,
          display: isExcluded ? '无' : formatPoints({ value, decimals }),
          rule: indicatorRule({ group, unit, node }),
        }
      }
      const rank = group.ranking.ranks[unit]!
      const previousRank = group.previousRanks[unit]! || null
      const isVetoed = group.vetoed[unit] === 1
      return {
        unitId: group.matrix.unitIds[unit]!,
        unitName: group.matrix.unitNames[unit]!,
        groupId: group.group.id,
        total: group.totals[unit]!,
        presentedTotal: group.presentedTotals[unit]!,
        displayTotal: formatPoints({ value: group.totals[unit]!, decimals }),
        rank,
        isTied: group.ranking.isTied[unit] === 1,
        grade: group.grades[unit] ?? null,
        isVetoed,
        isPassed: passMark === undefined ? null : !isVetoed && group.presentedTotals[unit]! >= passMark,
        previousRank,
        movement: previousRank === null ? null : previousRank - rank,
        values,
      }
    })
    return {
      groupId: group.group.id,
      groupName: group.group.name,
      treeId: tree.id,
      decimals,
      indicators: Array.from(tree.displayOrder, (node) => ({
        id: tree.ids[node]!,
        label: tree.labels[node]!,
        max: tree.max[node]!,
        depth: tree.depth[node]!,
      })),
      rows,
    }
  })
  let index: Map<string, { group: ScoredGroup; unit: number }> | undefined
  const explain = (unitId: string): Explanation => {
    index ??= new Map(
      scored.groups.flatMap((group) =>
        group.matrix.unitIds.map((id, unit) => [id, { group, unit }] as const),
      ),
    )
    const found = index.get(unitId)
    if (!found)
      throw new ScoringInputError({ issues: [{ path: 'unitId', message: `unknown unit ${unitId}` }] })
    return explainAt({ scored, ...found })
  }
  return { groups, explain, scored }
}

function isCompiled(value: unknown): value is CompiledScheme {
  return (
    typeof value === 'object' &&
    value !== null &&
    'trees' in value &&
    (value as CompiledScheme).trees instanceof Map
  )
}
