import { combinePeriods } from './combine-periods'
import {
  type CompiledScheme,
  type CompiledTree,
  NA_EXCLUDE,
  NA_IMPUTE,
  NA_ZERO,
  PERIODS_MEAN,
  ROLE_BONUS,
  ROLE_DEDUCTION,
  SOURCE_BANDS,
  SOURCE_DEDUCTIONS,
  SOURCE_RATIO_TO_MAX,
  SOURCE_RATIO_TO_TARGET,
  SOURCE_SCORE,
} from './compiled-scheme'
import {
  FLAG_ABOVE_MAX,
  FLAG_CAPPED,
  STATE_EXCLUDED,
  STATE_IMPUTED,
  STATE_MISSING,
  STATE_VALUE,
  STATE_ZERO,
} from './node-states'
import { roundPoints } from './round-points'
import type { ScoreMatrix } from './score-matrix'

/**
 * The per-unit loop of `scoreMatrices`, writing into the given arrays. It lives in its own function
 * that does nothing after the loop: V8 then optimises it as a whole rather than through on-stack
 * replacement of a larger function, which kept deoptimising on code after the loop.
 */
export function evaluateUnits(context: {
  compiled: CompiledScheme
  tree: CompiledTree
  matrix: ScoreMatrix
  measureValues: Float64Array
  populationMax: Float64Array
  values: Float64Array
  states: Uint8Array
  flags: Uint8Array
  excluded: Float64Array
  scale: Float64Array
  isBonusCounted: Uint8Array
  totals: Float64Array
  presentedTotals: Float64Array
  vetoed: Uint8Array
}): void {
  const { compiled, tree, matrix, measureValues, populationMax, values, states, flags } = context
  const { excluded, scale, isBonusCounted, totals, presentedTotals, vetoed } = context
  const units = matrix.unitIds.length
  const nodes = tree.nodeCount
  const columns = tree.inputNodes.length
  const periods = matrix.periodLabels.length
  const measureCount = compiled.measureIds.length
  const vetoCount = compiled.vetoIds.length
  const decimals = compiled.decimals
  const excludedByNode = new Float64Array(nodes)
  const gate = compiled.scheme.bonusGate
  const { inputNodes, inputColumn, sourceKind, max, children, roots, role, isSettledColumn } = tree
  const { allowsAboveMax, isRoundedAtSource } = tree
  const order = tree.orderAfterInputs
  const walkLength = order.length
  // Every field the loop reads is hoisted into a local: V8 then has type feedback for all of them
  // even on rarely taken branches (imputation, gates), instead of deoptimising the loop repeatedly.
  const scores = matrix.scores
  const matrixVetoes = matrix.vetoes
  const periodKinds = tree.periods
  const sourceMeasure = tree.sourceMeasure
  const notApplicable = tree.notApplicable
  const imputeFrom = tree.imputeFrom
  const fullMarks = tree.fullMarks
  const hasGate = gate !== undefined
  const gateAbove = gate?.above ?? 0
  const hasBonus = Array.from(roots).some((root) => role[root] === ROLE_BONUS)
  for (let unit = 0; unit < units; unit++) {
    const base = unit * nodes
    // Scored leaves first, in one tight pass over the unit's contiguous block of the matrix.
    let cell = unit * columns * periods
    for (let column = 0; column < columns; column++, cell += periods) {
      const node = inputNodes[column]!
      if (periodKinds[node] !== PERIODS_MEAN) {
        values[base + node] = combinePeriods(scores, cell, periods, periodKinds[node]!)
        continue
      }
      // The common case (monthly scores averaged into the annual one), kept branch-light.
      let sum = 0
      let count = 0
      const end = cell + periods
      for (let index = cell; index < end; index++) {
        const value = scores[index]!
        if (!Number.isNaN(value)) {
          sum += value
          count++
        }
      }
      values[base + node] = count > 0 ? sum / count : Number.NaN
    }
    // Settle the leaves that need no policy here, so that the tree walk below visits only parents,
    // derived leaves and leaves with a not-applicable policy.
    for (let column = 0; column < columns; column++) {
      if (!isSettledColumn[column]) continue
      const node = inputNodes[column]!
      const at = base + node
      let value = values[at]!
      if (Number.isNaN(value)) {
        value = 0
        states[at] = STATE_MISSING
      } else if (value > max[node]!) {
        if (allowsAboveMax[node]) flags[at] = FLAG_ABOVE_MAX
        else {
          value = max[node]!
          flags[at] = FLAG_CAPPED
        }
      } else if (value < 0) {
        value = 0
        flags[at] = FLAG_CAPPED
      }
      if (isRoundedAtSource[node] && states[at] !== STATE_MISSING) value = roundPoints({ value, decimals })
      values[at] = value
    }
    for (let step = 0; step < walkLength; step++) {
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
        if (Number.isNaN(value)) state = STATE_MISSING
      } else {
        value = derive(
          tree,
          node,
          measureValues[unit * measureCount + sourceMeasure[node]!]!,
          populationMax[node]!,
        )
        if (Number.isNaN(value)) state = STATE_MISSING
      }
      if (state === STATE_MISSING) {
        value = 0
        const policy = notApplicable[node]!
        if (policy === NA_IMPUTE) {
          const from = imputeFrom[node]!
          const fromMax = max[from]!
          const fromState = states[base + from]!
          const ratio =
            fromMax > 0 && fromState !== STATE_MISSING && fromState !== STATE_EXCLUDED
              ? values[base + from]! / fromMax
              : 0
          value = ratio * max[node]!
          state = STATE_IMPUTED
        } else if (policy === NA_EXCLUDE) {
          state = STATE_EXCLUDED
          excludedByNode[node] = max[node]!
        } else if (policy === NA_ZERO) state = STATE_ZERO
      } else if (nodeChildren.length === 0) {
        if (value > max[node]!) {
          if (allowsAboveMax[node]) flags[at] = FLAG_ABOVE_MAX
          else {
            value = max[node]!
            flags[at] = FLAG_CAPPED
          }
        } else if (value < 0) {
          value = 0
          flags[at] = FLAG_CAPPED
        }
      }
      if (isRoundedAtSource[node] && state !== STATE_MISSING && state !== STATE_EXCLUDED) {
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
    const remaining = fullMarks - excludedMax
    const unitScale = excludedMax > 0 ? (remaining > 0 ? fullMarks / remaining : 0) : 1
    let beforeBonus = 0
    for (let index = 0; index < roots.length; index++) {
      const root = roots[index]!
      const value = values[base + root]!
      if (role[root] === 0) beforeBonus += value * unitScale
      else if (role[root] === ROLE_DEDUCTION) beforeBonus -= value
    }
    const countsBonus = !hasGate || roundPoints({ value: beforeBonus, decimals }) > gateAbove
    let total = 0
    for (let index = 0; index < roots.length; index++) {
      const root = roots[index]!
      const value = values[base + root]!
      const rootRole = role[root]
      total +=
        rootRole === 0 ? value * unitScale : rootRole === ROLE_DEDUCTION ? -value : countsBonus ? value : 0
    }
    excluded[unit] = excludedMax
    scale[unit] = unitScale
    isBonusCounted[unit] = countsBonus && hasBonus ? 1 : 0
    totals[unit] = total
    presentedTotals[unit] = roundPoints({ value: total, decimals })
    for (let check = 0; check < vetoCount; check++)
      if (matrixVetoes[unit * vetoCount + check]) vetoed[unit] = 1
  }
}

function derive(tree: CompiledTree, node: number, measure: number, populationMax: number): number {
  if (Number.isNaN(measure)) return Number.NaN
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
