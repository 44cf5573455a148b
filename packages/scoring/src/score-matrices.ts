import { assignGrades } from './assign-grades'
import { combinePeriods } from './combine-periods'
import {
  type CompiledGroup,
  type CompiledScheme,
  type CompiledTree,
  SOURCE_RATIO_TO_MAX,
} from './compiled-scheme'
import { evaluateUnits } from './evaluate-units'
import { type Ranking, rankUnits } from './rank-units'
import { roundPoints } from './round-points'
import type { ScoreMatrix } from './score-matrix'
import { ScoringInputError } from './scoring-input-error'

export {
  FLAG_ABOVE_MAX,
  FLAG_CAPPED,
  STATE_EXCLUDED,
  STATE_IMPUTED,
  STATE_MISSING,
  STATE_VALUE,
  STATE_ZERO,
} from './node-states'

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
      throw new ScoringInputError({
        issues: [{ path: 'groupId', message: `unknown group ${matrix.groupId}` }],
      })
    }
    measureByGroup.set(matrix.groupId, aggregateMeasures({ compiled, matrix, measureCount }))
  }
  const groups = matrices.map((matrix) => {
    const group = compiled.groups.get(matrix.groupId)!
    const populationMax = referenceMaxima({ group, measureByGroup, measureCount })
    return scoreGroup({
      compiled,
      group,
      matrix,
      measureValues: measureByGroup.get(matrix.groupId)!,
      populationMax,
      previousRanks: options.previousRanks ?? {},
    })
  })
  return { compiled, groups }
}

function aggregateMeasures(options: {
  compiled: CompiledScheme
  matrix: ScoreMatrix
  measureCount: number
}): Float64Array {
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
  const decimals = compiled.decimals
  const measureCount = compiled.measureIds.length
  const vetoCount = compiled.vetoIds.length
  if (
    matrix.measures.length !== units * measureCount * periods ||
    matrix.vetoes.length !== units * vetoCount
  ) {
    throw new ScoringInputError({
      issues: [
        {
          path: `${matrix.groupId}.measures`,
          message: 'measures or vetoes do not match units × scheme × periods',
        },
      ],
    })
  }
  if (matrix.scores.length !== units * columns * periods) {
    throw new ScoringInputError({
      issues: [
        {
          path: `${matrix.groupId}.scores`,
          message: `expected ${units * columns * periods} values, got ${matrix.scores.length}`,
        },
      ],
    })
  }
  const values = new Float64Array(units * nodes)
  const states = new Uint8Array(units * nodes)
  const flags = new Uint8Array(units * nodes)
  const excluded = new Float64Array(units)
  const scale = new Float64Array(units)
  const isBonusCounted = new Uint8Array(units)
  const totals = new Float64Array(units)
  const presentedTotals = new Float64Array(units)
  const vetoed = new Uint8Array(units)
  evaluateUnits({
    compiled,
    tree,
    matrix,
    measureValues,
    populationMax,
    values,
    states,
    flags,
    excluded,
    scale,
    isBonusCounted,
    totals,
    presentedTotals,
    vetoed,
  })
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
    group,
    matrix,
    unitCount: units,
    values,
    states,
    flags,
    excluded,
    scale,
    isBonusCounted,
    totals,
    presentedTotals,
    measureValues,
    populationMax,
    ranking,
    grades,
    vetoed,
    previousRanks,
  }
}

function tieKeys(options: {
  tree: CompiledTree
  values: Float64Array
  units: number
  decimals: number
}): Float64Array[] {
  const { tree, values, units, decimals } = options
  return Array.from(tree.tieNodes, (node) =>
    Float64Array.from({ length: units }, (_, unit) =>
      roundPoints({ value: values[unit * tree.nodeCount + node]!, decimals }),
    ),
  )
}
