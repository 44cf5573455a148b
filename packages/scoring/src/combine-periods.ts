import { PERIODS_LAST, PERIODS_MEAN } from './compiled-scheme'

/**
 * Mean, last or sum over the periods that have a value (NaN is none); NaN when none has. Positional
 * arguments, unlike the rest of the API: it runs once per unit and leaf in the hot path.
 */
export function combinePeriods(values: Float64Array, start: number, periods: number, kind: number): number {
  let sum = 0
  let count = 0
  let last = Number.NaN
  for (let period = 0; period < periods; period++) {
    const value = values[start + period]!
    if (!Number.isNaN(value)) {
      sum += value
      count++
      last = value
    }
  }
  if (count === 0) return Number.NaN
  return kind === PERIODS_MEAN ? sum / count : kind === PERIODS_LAST ? last : sum
}
