import type { TiePolicy } from './scheme-schema'

export interface Ranking {
  /** 1-based rank per unit (input order). */
  ranks: Int32Array
  /** 1 when the unit shares its rank with another unit (并列). */
  isTied: Uint8Array
  /** Unit indices, best first. */
  order: Int32Array
  /** Per unit, its index in `order`. */
  positions: Int32Array
}

/**
 * Ranks one group on presented totals (the printed numbers: what a reader sees as equal is equal),
 * applying the scheme's tie policy.
 *
 * @example
 * rankUnits({ totals: Float64Array.of(90, 85, 85, 80), policy: 'dense' }).ranks // [1, 2, 2, 3]
 */
export function rankUnits(options: {
  totals: Float64Array
  policy: TiePolicy['policy']
  /** Per tie-break indicator, its presented value per unit (policy `indicators`). */
  tieKeys?: Float64Array[]
}): Ranking {
  const { totals, policy } = options
  const keys = policy === 'indicators' ? (options.tieKeys ?? []) : []
  const count = totals.length
  const order = new Int32Array(count)
  for (let index = 0; index < count; index++) order[index] = index
  const compare = (a: number, b: number): number => {
    const byTotal = totals[b]! - totals[a]!
    if (byTotal !== 0) return byTotal
    for (const key of keys) {
      const byKey = key[b]! - key[a]!
      if (byKey !== 0) return byKey
    }
    return 0
  }
  // Sorting on the index array keeps equal units in input order (TypedArray sort is stable).
  order.sort((a, b) => compare(a, b) || a - b)
  const ranks = new Int32Array(count)
  const isTied = new Uint8Array(count)
  const positions = new Int32Array(count)
  let dense = 0
  for (let position = 0; position < count; position++) {
    const unit = order[position]!
    positions[unit] = position
    const previous = position > 0 ? order[position - 1]! : -1
    const isEqual = previous >= 0 && policy !== 'entry-order' && compare(previous, unit) === 0
    if (isEqual) {
      ranks[unit] = ranks[previous]!
      isTied[unit] = 1
      isTied[previous] = 1
    } else {
      dense += 1
      ranks[unit] = policy === 'dense' ? dense : position + 1
    }
  }
  return { ranks, isTied, order, positions }
}
