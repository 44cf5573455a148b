import { formatPoints } from './format-points'
import type { GroupResult } from './score-evaluation'

export interface Reconciliation {
  /** Rows whose printed total the scheme does not reproduce, with both numbers. */
  mismatches: {
    unitId: string
    unitName: string
    groupId: string
    printed: number
    computed: number
    difference: number
  }[]
  matched: number
  /** Printed rows with no scored unit, and scored units with no printed row. */
  unmatchedPrinted: string[]
  unmatchedScored: string[]
}

/**
 * Compares printed totals with the computed ones at the scheme's decimals. A row is flagged when the
 * two differ as printed, never silently accepted either way (Zhengzhou 农委: 64.94 printed, 61.69).
 *
 * @example
 * reconcileTotals({ groups: result.groups, printed: [{ unitId: '农委', total: 64.94 }] }).mismatches
 */
export function reconcileTotals(options: {
  groups: GroupResult[]
  printed: { unitId: string; total: number }[]
}): Reconciliation {
  const rows = new Map(options.groups.flatMap((group) => group.rows.map((row) => [row.unitId, row] as const)))
  const decimals = options.groups[0]?.decimals ?? 2
  const mismatches: Reconciliation['mismatches'] = []
  const unmatchedPrinted: string[] = []
  const seen = new Set<string>()
  let matched = 0
  for (const { unitId, total } of options.printed) {
    const row = rows.get(unitId)
    if (!row) {
      unmatchedPrinted.push(unitId)
      continue
    }
    seen.add(unitId)
    if (formatPoints({ value: total, decimals }) === row.displayTotal) matched++
    else {
      mismatches.push({
        unitId,
        unitName: row.unitName,
        groupId: row.groupId,
        printed: total,
        computed: row.presentedTotal,
        difference: row.presentedTotal - total,
      })
    }
  }
  const unmatchedScored = [...rows.keys()].filter((unitId) => !seen.has(unitId))
  return { mismatches, matched, unmatchedPrinted, unmatchedScored }
}
