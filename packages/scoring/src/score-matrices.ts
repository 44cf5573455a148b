import { assignGrades } from './assign-grades'
import {
  type CompiledGroup,
  type CompiledScheme,
  type CompiledTree,
  NA_EXCLUDE,
  NA_IMPUTE,
  NA_ZERO,
  PERIODS_LAST,
  PERIODS_MEAN,
  ROLE_BONUS,
  ROLE_DEDUCTION,
  SOURCE_BANDS,
  SOURCE_DEDUCTIONS,
  SOURCE_RATIO_TO_MAX,
  SOURCE_RATIO_TO_TARGET,
  SOURCE_SCORE,
} from './compiled-scheme'
import { type Ranking, rankUnits } from './rank-units'
import { roundPoints } from './round-points'
import type { ScoreMatrix } from './score-matrix'
import { ScoringInputError } from './scoring-input-error'

/** Node states, per unit and indicator. */
export const STATE_VALUE = 0
export const STATE_MISSING = 1
export const STATE_EXCLUDED = 2
export const STATE_IMPUTED = 3
export const STATE_ZERO = 4
/** Node flags, per unit and indicator. */
export const FLAG_CAPPED = 1
export const FLAG_ABOVE_MAX = 2

/** One group scored: typed arrays indexed by unit (and unit × node); explanations read them lazily. */
export interface ScoredGroup {
  group: CompiledGroup
  matrix: ScoreMatrix
  unitCount: number
  /** unit × node: the indicator's value before rescaling. */
  values: Float64Array
  states: Uint8Array
  flags: Uint8Array
  /** Per unit: maxima that left the denominator, and the resulting scale (1 when none). */
  excluded: Float64Array
  scale: Float64Array
  /** Per unit: 1 when bonus items counted (gate passed or no gate). */
  isBonusCounted: Uint8Array
  totals: Float64Array
  presentedTotals: Float64Array
  /** unit × measure, periods combined. */
  measureValues: Float64Array
  /** Per node: the reference maximum used by `ratio-to-max`. */
  populationMax: Float64Array
  ranking: Ranking
  grades: (string | null)[]
  vetoed: Uint8Array
  /** Per unit: previous period's rank, 0 when unknown. */
  previousRanks: Int32Array
}

export interface ScoredEvaluation {
  compiled: CompiledScheme
  groups: ScoredGroup[]
}

/**
 * The hot path: scores, ranks and grades every group from columnar matrices. Allocation is per
 * group, never per value or unit; explanations are derived later from the arrays kept here.
 *
 * @example
 * const scored = scoreMatrices({ compiled, matrices: buildScoreMatrices({ compiled, units }).matrices })
 */
export function scoreMatrices(options: {
  compiled: CompiledScheme
  matrices: ScoreMatrix[]
  /** Previous period's rank by unit id (上年排名). */
  previousRanks?: Record<string, number>
}): ScoredEvaluation {
  const { compiled, matrices } = options
  const measureCount = compiled.measureIds.length
  const measureByGroup = new Map<string, Float64Array>()
  for (const matrix of matrices) {
    if (!compiled.groups.has(matrix.groupId)) {
      throw new ScoringInputError({ issues: [{ path: 'groupId', message: `unknown group ${matrix.groupId}` }] })
    }
    measureByGroup.set(matrix.groupId, aggregateMeasures({ compiled, matrix, measureCount }))
  }
  const groups = matrices.map((matrix) => {
    const group = compiled.groups.get(matrix.groupId)!
    const populationMax = referenceMaxima({ group, measureByGroup, measureCount })
    return scoreGroup({ compiled, group, matrix, measureValues: measureByGroup.get(matrix.groupId)!, populationMax, previousRanks: options.previousRanks ?? {} })
  })
  return { compiled, groups }
}

function aggregateMeasures(options: { compiled: CompiledScheme; matrix: ScoreMatrix; measureCount: number }): Float64Array {
  const { compiled, matrix, measureCount } = options
  const periods = matrix.periodLabels.length
  const units = matrix.unitIds.length
  const out = new Float64Array(units * measureCount)
  for (let unit = 0; unit < units; unit++) {
    for (let measure = 0; measure < measureCount; measure++) {
      out[unit * measureCount + measure] = combinePeriods(
        matrix.measures,
        (unit * measureCount + measure) * periods,
        periods,
        compiled.measurePeriods[measure]!,
      )
    }
  }
  return out
}

/** Mean, last or sum over the periods that have a value; NaN when none has. */
function combinePeriods(values: Float64Array, start: number, periods: number, kind: number): number {
  let sum = 0
  let count = 0
  let last = Number.NaN
  for (let period = 0; period < periods; period++) {
    const value = values[start + period]!
    if (value === value) {
      sum += value
      count++
      last = value
    }
  }
  if (count === 0) return Number.NaN
  return kind === PERIODS_MEAN ? sum / count : kind === PERIODS_LAST ? last : sum
}

function referenceMaxima(options: {
  group: CompiledGroup
  measureByGroup: Map<string, Float64Array>
  measureCount: number
}): Float64Array {
  const { group, measureByGroup, measureCount } = options
  const tree = group.tree
  const maxima = new Float64Array(tree.nodeCount)
  for (let node = 0; node < tree.nodeCount; node++) {
    if (tree.sourceKind[node] !== SOURCE_RATIO_TO_MAX) continue
    const population = group.definition.populations[tree.sourcePopulation[node]!] ?? [group.id]
    const measure = tree.sourceMeasure[node]!
    let best = 0
    for (const member of population) {
      const values = measureByGroup.get(member)
      if (!values) continue
      for (let index = measure; index < values.length; index += measureCount) {
        const value = values[index]!
        if (value > best) best = value
      }
    }
    maxima[node] = best
  }
  return maxima
}

function scoreGroup(options: {
  compiled: CompiledScheme
  group: CompiledGroup
  matrix: ScoreMatrix
  measureValues: Float64Array
  populationMax: Float64Array
  previousRanks: Record<string, number>
}): ScoredGroup {
  const { compiled, group, matrix, measureValues, populationMax } = options
  const tree = group.tree
  const units = matrix.unitIds.length
  const nodes = tree.nodeCount
  const columns = tree.inputNodes.length
  const periods = matrix.periodLabels.length
  const measureCount = compiled.measureIds.length
  const vetoCount = compiled.vetoIds.length
  const decimals = compiled.decimals
  if (matrix.scores.length !== units * columns * periods) {
    throw new ScoringInputError({
      issues: [{ path: `${matrix.groupId}.scores`, message: `expected ${units * columns * periods} values, got ${matrix.scores.length}` }],
    })
  }
  const values = new Float64Array(units * nodes)
  const states = new Uint8Array(units * nodes)
  const flags = new Uint8Array(units * nodes)
  const excludedByNode = new Float64Array(nodes)
  const excluded = new Float64Array(units)
  const scale = new Float64Array(units)
  const isBonusCounted = new Uint8Array(units)
  const totals = new Float64Array(units)
  const presentedTotals = new Float64Array(units)
  const vetoed = new Uint8Array(units)
  const gate = compiled.scheme.bonusGate
  const { order, inputNodes, inputColumn, sourceKind, max, children, roots, role } = tree
  const hasBonus = Array.from(roots).some((root) => role[root] === ROLE_BONUS)
  for (let unit = 0; unit < units; unit++) {
    const base = unit * nodes
    // Scored leaves first, in one tight pass over the unit's contiguous block of the matrix.
    let cell = unit * columns * periods
    for (let column = 0; column < columns; column++, cell += periods) {
      const node = inputNodes[column]!
      values[base + node] = tree.periods[node] === PERIODS_MEAN && periods === 1
        ? matrix.scores[cell]!
        : combinePeriods(matrix.scores, cell, periods, tree.periods[node]!)
    }
    for (let step = 0; step < nodes; step++) {
      const node = order[step]!
      const at = base + node
      const kind = sourceKind[node]!
      const nodeChildren = children[node]!
      let value: number
      let state = STATE_VALUE
      excludedByNode[node] = 0
      if (nodeChildren.length > 0) {
        value = 0
        let isAllMissing = true
        let excludedMax = 0
        for (let index = 0; index < nodeChildren.length; index++) {
          const child = nodeChildren[index]!
          const childState = states[base + child]!
          if (childState !== STATE_MISSING) isAllMissing = false
          excludedMax += excludedByNode[child]!
          const childValue = values[base + child]!
          value += role[child] === ROLE_DEDUCTION ? -childValue : childValue
        }
        excludedByNode[node] = excludedMax
        if (isAllMissing) state = STATE_MISSING
      } else if (inputColumn[node]! >= 0 || kind === SOURCE_SCORE) {
        value = values[at]!
        if (value !== value) state = STATE_MISSING
      } else {
        value = derive(tree, node, measureValues[unit * measureCount + tree.sourceMeasure[node]!]!, populationMax[node]!)
        if (value !== value) state = STATE_MISSING
      }
      if (state === STATE_MISSING) {
        value = 0
        const policy = tree.notApplicable[node]!
        if (policy === NA_IMPUTE) {
          const from = tree.imputeFrom[node]!
          const fromMax = max[from]!
          const fromState = states[base + from]!
          const ratio = fromMax > 0 && fromState !== STATE_MISSING && fromState !== STATE_EXCLUDED ? values[base + from]! / fromMax : 0
          value = ratio * max[node]!
          state = STATE_IMPUTED
        } else if (policy === NA_EXCLUDE) {
          state = STATE_EXCLUDED
          excludedByNode[node] = max[node]!
        } else if (policy === NA_ZERO) state = STATE_ZERO
      } else if (nodeChildren.length === 0) {
        if (value > max[node]!) {
          if (tree.allowsAboveMax[node]) flags[at] = FLAG_ABOVE_MAX
          else {
            value = max[node]!
            flags[at] = FLAG_CAPPED
          }
        } else if (value < 0) {
          value = 0
          flags[at] = FLAG_CAPPED
        }
      }
      if (tree.isRoundedAtSource[node] && state !== STATE_MISSING && state !== STATE_EXCLUDED) {
        value = roundPoints({ value, decimals })
      }
      values[at] = value
      states[at] = state
    }
    // Level 1: normal items rescaled to full marks when some left the denominator; then deductions,
    // then bonus items if the gate lets them count. Contributions are summed in root order so that
    // an explanation's contributions add up to exactly this total.
    let excludedMax = 0
    for (let index = 0; index < roots.length; index++) {
      const root = roots[index]!
      if (role[root] === 0) excludedMax += excludedByNode[root]!
    }
    const remaining = tree.fullMarks - excludedMax
    const unitScale = excludedMax > 0 ? (remaining > 0 ? tree.fullMarks / remaining : 0) : 1
    let beforeBonus = 0
    for (let index = 0; index < roots.length; index++) {
      const root = roots[index]!
      const value = values[base + root]!
      if (role[root] === 0) beforeBonus += value * unitScale
      else if (role[root] === ROLE_DEDUCTION) beforeBonus -= value
    }
    const countsBonus = gate === undefined || roundPoints({ value: beforeBonus, decimals }) > gate.above
    let total = 0
    for (let index = 0; index < roots.length; index++) {
      const root = roots[index]!
      const value = values[base + root]!
      const rootRole = role[root]
      total += rootRole === 0 ? value * unitScale : rootRole === ROLE_DEDUCTION ? -value : countsBonus ? value : 0
    }
    excluded[unit] = excludedMax
    scale[unit] = unitScale
    isBonusCounted[unit] = countsBonus && hasBonus ? 1 : 0
    totals[unit] = total
    presentedTotals[unit] = roundPoints({ value: total, decimals })
    for (let check = 0; check < vetoCount; check++) if (matrix.vetoes[unit * vetoCount + check]) vetoed[unit] = 1
  }
  const ranking = rankUnits({
    totals: presentedTotals,
    policy: compiled.scheme.ties.policy,
    tieKeys: tieKeys({ tree, values, units, decimals }),
  })
  const grades = assignGrades({
    rule: group.definition.grades ?? compiled.scheme.grades,
    totals: presentedTotals,
    ranks: ranking.ranks,
    vetoed,
    ...(compiled.scheme.vetoes ? { vetoGrade: compiled.scheme.vetoes.grade } : {}),
  })
  const previousRanks = Int32Array.from(matrix.unitIds, (id) => options.previousRanks[id] ?? 0)
  return {
    group, matrix, unitCount: units, values, states, flags, excluded, scale, isBonusCounted,
    totals, presentedTotals, measureValues, populationMax, ranking, grades, vetoed, previousRanks,
  }
}

function derive(tree: CompiledTree, node: number, measure: number, populationMax: number): number {
  if (measure !== measure) return Number.NaN
  const max = tree.max[node]!
  switch (tree.sourceKind[node]) {
    case SOURCE_RATIO_TO_MAX:
      return populationMax > 0 ? (max * measure) / populationMax : 0
    case SOURCE_RATIO_TO_TARGET: {
      const ratio = measure / tree.sourceParameter[node]!
      return max * (tree.allowsAboveMax[node] ? ratio : Math.min(1, ratio))
    }
    case SOURCE_DEDUCTIONS: {
      const deducted = Math.min(tree.sourceCap[node]!, tree.sourceParameter[node]! * measure)
      return tree.role[node] === ROLE_DEDUCTION ? deducted : Math.max(0, max - deducted)
    }
    case SOURCE_BANDS: {
      const band = tree.sourceBands[node]!.find((candidate) => measure >= candidate.min)
      return band ? band.points : 0
    }
    default:
      return Number.NaN
  }
}

function tieKeys(options: { tree: CompiledTree; values: Float64Array; units: number; decimals: number }): Float64Array[] {
  const { tree, values, units, decimals } = options
  return Array.from(tree.tieNodes, (node) =>
    Float64Array.from({ length: units }, (_, unit) => roundPoints({ value: values[unit * tree.nodeCount + node]!, decimals })),
  )
}
