import {
  PERIODS_LAST,
  PERIODS_MEAN,
  ROLE_BONUS,
  ROLE_DEDUCTION,
  SOURCE_BANDS,
  SOURCE_DEDUCTIONS,
  SOURCE_RATIO_TO_MAX,
  SOURCE_RATIO_TO_TARGET,
} from './compiled-scheme'
import type { Explanation, ExplanationLine } from './explanation'
import { formatPoints } from './format-points'
import { indicatorRule } from './indicator-rule'
import { roundPoints } from './round-points'
import {
  FLAG_ABOVE_MAX,
  FLAG_CAPPED,
  type ScoredEvaluation,
  type ScoredGroup,
  STATE_EXCLUDED,
  STATE_IMPUTED,
  STATE_MISSING,
  STATE_ZERO,
} from './score-matrices'
import { ScoringInputError } from './scoring-input-error'

/**
 * Explains one unit from the scored arrays, on demand: inputs, rule and contribution per indicator.
 *
 * @example
 * explainUnit({ scored, unitId: '审计局' }).displayTotal // '84.60'
 */
export function explainUnit({ scored, unitId }: { scored: ScoredEvaluation; unitId: string }): Explanation {
  for (const group of scored.groups) {
    const unit = group.matrix.unitIds.indexOf(unitId)
    if (unit >= 0) return explainAt({ scored, group, unit })
  }
  throw new ScoringInputError({ issues: [{ path: 'unitId', message: `unknown unit ${unitId}` }] })
}

/** Explanation of the unit at `unit` in `group` (used when explaining a whole group). */
export function explainAt(options: {
  scored: ScoredEvaluation
  group: ScoredGroup
  unit: number
}): Explanation {
  const { scored, group, unit } = options
  const { compiled } = scored
  const tree = group.group.tree
  const decimals = compiled.decimals
  const format = (value: number): string => formatPoints({ value, decimals })
  const base = unit * tree.nodeCount
  const scale = group.scale[unit]!
  const isBonusCounted = group.isBonusCounted[unit] === 1
  const contributions = new Float64Array(tree.nodeCount)
  // Contributions flow top-down: a level-1 item's share of the total, split among children in
  // proportion to their values (exactly so when the parent is a plain sum).
  for (const node of tree.displayOrder) {
    const parent = tree.parent[node]!
    const value = group.values[base + node]!
    if (parent < 0) {
      const role = tree.role[node]
      contributions[node] =
        role === 0 ? value * scale : role === ROLE_DEDUCTION ? -value : isBonusCounted ? value : 0
    } else {
      const parentValue = group.values[base + parent]!
      const isSum =
        group.states[base + parent] !== STATE_IMPUTED && group.states[base + parent] !== STATE_EXCLUDED
      contributions[node] = isSum && parentValue !== 0 ? (contributions[parent]! * value) / parentValue : 0
    }
  }
  const lines: ExplanationLine[] = []
  for (const node of tree.displayOrder) {
    const at = base + node
    const state = group.states[at]!
    const flags = group.flags[at]!
    const value = group.values[at]!
    const isLeaf = tree.children[node]!.length === 0
    const rule = indicatorRule({ group, unit, node })
    let inputs: string
    if (state === STATE_EXCLUDED) {
      inputs = `无 → 不计入分母（满分 ${tree.max[node]} 从分母中剔除）`
    } else if (state === STATE_IMPUTED) {
      const from = tree.imputeFrom[node]!
      inputs = `无 → 按${tree.labels[from]}得分率折算：${format(group.values[base + from]!)} / ${tree.max[from]} × ${tree.max[node]}`
    } else if (state === STATE_MISSING || state === STATE_ZERO) {
      const resolvedAt = resolvingAncestor(group, base, node)
      inputs = resolvedAt >= 0 ? `无 → 在「${tree.labels[resolvedAt]}」整体处理` : '无 → 0'
    } else if (!isLeaf) {
      inputs = `${tree.children[node]!.length} 项合计`
    } else if (tree.inputColumn[node]! >= 0) {
      inputs = describeScores({ group, unit, node })
    } else {
      inputs = describeFormula({ scored, group, unit, node })
    }
    if (flags & FLAG_ABOVE_MAX) inputs += `（${format(value)} / 满分 ${tree.max[node]}：超出满分部分为加分）`
    if (flags & FLAG_CAPPED) inputs += `（封顶 ${tree.max[node]}）`
    if (tree.isRoundedAtSource[node] && state !== STATE_EXCLUDED)
      inputs += `；先保留 ${decimals} 位小数再计入`
    lines.push({
      indicatorId: tree.ids[node]!,
      label: tree.labels[node]!,
      depth: tree.depth[node]!,
      max: tree.max[node]!,
      rule,
      inputs,
      value: state === STATE_EXCLUDED ? null : value,
      points: state === STATE_EXCLUDED ? '无' : format(value),
      contribution: contributions[node]!,
    })
  }
  const notes: string[] = []
  const total = group.totals[unit]!
  if (group.excluded[unit]! > 0) {
    const remaining = tree.fullMarks - group.excluded[unit]!
    const excludedLabels = lines.filter((line) => line.rule === 'excluded-rescaled').map((line) => line.label)
    notes.push(
      `${excludedLabels.join('、')} 不适用：其余得分按比例折合百分制： ${roundPoints({ value: total / scale, decimals: 4 })} / ${remaining} × ${tree.fullMarks} = ${format(total)}`,
    )
  }
  if (
    compiled.scheme.bonusGate &&
    !isBonusCounted &&
    Array.from(tree.roots).some((root) => tree.role[root] === ROLE_BONUS)
  ) {
    notes.push(`加分项不计：加分前总分未超过 ${compiled.scheme.bonusGate.above}`)
  }
  if (group.vetoed[unit]) {
    const checks = compiled.scheme.vetoes?.checks ?? []
    const failed = checks.filter((_, index) => group.matrix.vetoes[unit * checks.length + index])
    for (const check of failed) {
      lines.push({
        indicatorId: check.id,
        label: check.label,
        depth: 0,
        max: 0,
        rule: 'vetoed',
        inputs: `单项否决未通过 → ${compiled.scheme.vetoes?.grade}`,
        value: null,
        points: '否决',
        contribution: 0,
      })
    }
    notes.push(
      `单项否决：${failed.map((check) => check.label).join('、')} → ${compiled.scheme.vetoes?.grade}`,
    )
  }
  const rank = group.ranking.ranks[unit]!
  // Equal presented totals sit next to each other in the ranking order.
  const { order, positions } = group.ranking
  const peers: number[] = []
  const own = group.presentedTotals[unit]!
  for (let at = positions[unit]! - 1; at >= 0 && group.presentedTotals[order[at]!] === own; at--)
    peers.push(order[at]!)
  for (let at = positions[unit]! + 1; at < order.length && group.presentedTotals[order[at]!] === own; at++) {
    peers.push(order[at]!)
  }
  if (peers.length > 0) {
    const names = Array.from(peers, (other) => group.matrix.unitNames[other]).join('、')
    const policy = compiled.scheme.ties
    notes.push(
      policy.policy === 'indicators'
        ? `与${names}总分相同（${format(total)}）：按${policy.indicators?.join('、')}排序，第 ${rank} 名`
        : `与${names}总分相同（${format(total)}）：并列规则 ${policy.policy}，第 ${rank} 名`,
    )
  }
  return {
    unitId: group.matrix.unitIds[unit]!,
    unitName: group.matrix.unitNames[unit]!,
    groupId: group.group.id,
    total,
    displayTotal: format(total),
    rank,
    grade: group.grades[unit] ?? null,
    lines,
    notes,
  }
}

function describeScores(options: { group: ScoredGroup; unit: number; node: number }): string {
  const { group, unit, node } = options
  const tree = group.group.tree
  const column = tree.inputColumn[node]!
  const labels = group.matrix.periodLabels
  const periods = labels.length
  const start = (unit * tree.inputNodes.length + column) * periods
  const entered: string[] = []
  const hasRaters = group.matrix.raterSpreads.size > 0
  let count = 0
  let low = Number.POSITIVE_INFINITY
  let high = Number.NEGATIVE_INFINITY
  for (let period = 0; period < periods; period++) {
    const value = group.matrix.scores[start + period]!
    if (!Number.isNaN(value)) {
      count++
      low = Math.min(low, value)
      high = Math.max(high, value)
      // Up to three periods are listed; a monthly series is summarised, the matrix keeps the rest.
      if (periods <= 3) entered.push(`${labels[period] || '评分'} ${roundPoints({ value, decimals: 4 })}`)
    }
    const spreads = hasRaters ? group.matrix.raterSpreads.get(`${unit}:${column}:${period}`) : undefined
    for (const spread of spreads ?? []) {
      entered.push(
        `${spread.group} n=${spread.count} mean ${spread.mean.toFixed(2)} [${spread.min}–${spread.max}] sd ${spread.standardDeviation.toFixed(2)}${spread.outliers.length ? ` outliers ${spread.outliers.join(',')}` : ''}`,
      )
    }
  }
  const kind =
    tree.periods[node] === PERIODS_MEAN ? '平均' : tree.periods[node] === PERIODS_LAST ? '取最后一期' : '合计'
  if (periods > 3) entered.unshift(`${count} 期${kind}（${low}–${high}）`)
  else if (count > 1) entered.unshift(`${count} 期${kind}`)
  return entered.join('; ')
}

function describeFormula(options: {
  scored: ScoredEvaluation
  group: ScoredGroup
  unit: number
  node: number
}): string {
  const { scored, group, unit, node } = options
  const tree = group.group.tree
  const measureIndex = tree.sourceMeasure[node]!
  const measureId = scored.compiled.measureIds[measureIndex]!
  const measure = group.measureValues[unit * scored.compiled.measureIds.length + measureIndex]!
  const max = tree.max[node]!
  switch (tree.sourceKind[node]) {
    case SOURCE_RATIO_TO_MAX: {
      const population = tree.sourcePopulation[node]!
      const members = group.group.definition.populations[population] ?? [group.group.id]
      return `${measureId} ${measure} / 参照最大值 ${group.populationMax[node]} (${population}: ${members.join(', ')}) × ${max}`
    }
    case SOURCE_RATIO_TO_TARGET:
      return `${measureId} ${measure} / 目标 ${tree.sourceParameter[node]} × ${max}`
    case SOURCE_DEDUCTIONS:
      return `${max} − min(${tree.sourceCap[node]}, ${tree.sourceParameter[node]} × ${measureId} ${measure})`
    case SOURCE_BANDS:
      return `${measureId} ${measure} → 分档`
    default:
      return ''
  }
}

/** The nearest ancestor whose 无 was imputed or excluded as a whole, or −1. */
function resolvingAncestor(group: ScoredGroup, base: number, node: number): number {
  const tree = group.group.tree
  for (let at = tree.parent[node]!; at >= 0; at = tree.parent[at]!) {
    const state = group.states[base + at]
    if (state === STATE_IMPUTED || state === STATE_EXCLUDED) return at
  }
  return -1
}
