import { ROLE_BONUS, ROLE_DEDUCTION } from './compiled-scheme'
import type { ExplanationRule } from './explanation'
import {
  FLAG_ABOVE_MAX,
  FLAG_CAPPED,
  type ScoredGroup,
  STATE_EXCLUDED,
  STATE_IMPUTED,
  STATE_MISSING,
  STATE_ZERO,
} from './score-matrices'

/** The rule that produced one unit's value for one indicator, read from the scored arrays. */
export function indicatorRule(options: { group: ScoredGroup; unit: number; node: number }): ExplanationRule {
  const { group, unit, node } = options
  const tree = group.group.tree
  const at = unit * tree.nodeCount + node
  const state = group.states[at]!
  const flags = group.flags[at]!
  if (tree.depth[node] === 0 && tree.role[node] === ROLE_BONUS) {
    return group.isBonusCounted[unit] ? 'bonus' : 'bonus-gated-out'
  }
  if (tree.depth[node] === 0 && tree.role[node] === ROLE_DEDUCTION) return 'deduction'
  if (state === STATE_EXCLUDED) return 'excluded-rescaled'
  if (state === STATE_IMPUTED) return 'imputed'
  if (state === STATE_MISSING || state === STATE_ZERO) return 'not-applicable-zero'
  if (flags & FLAG_ABOVE_MAX) return 'bonus'
  if (flags & FLAG_CAPPED) return 'capped'
  if (tree.children[node]!.length > 0) return 'sum'
  return tree.inputColumn[node]! >= 0 ? 'scored' : 'derived'
}
