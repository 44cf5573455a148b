import type { Raters } from './indicator-schema'
import type { RaterSpread } from './score-matrix'

/**
 * Combines several raters' scores for one leaf and period (Shanghai: experts, social supervisors,
 * the public; Ankang: stages). Rater ids are `group` or `group:person`. The spread per group is
 * returned so that outliers can be reviewed rather than silently averaged away.
 *
 * @example
 * combineRaters({ scores: [{ rater: 'expert:1', value: 8 }, { rater: 'public:7', value: 6 }],
 *   raters: { combine: 'weighted', weights: { expert: 0.7, public: 0.3 } } }).value // 7.4
 */
export function combineRaters(options: {
  scores: { rater: string; value: number }[]
  raters: Raters | undefined
}): { value: number; spreads: RaterSpread[] } {
  const { scores } = options
  const raters = options.raters ?? { combine: 'mean' as const }
  const byGroup = new Map<string, { rater: string; value: number }[]>()
  for (const score of scores) {
    const group = score.rater.split(':')[0] ?? score.rater
    const list = byGroup.get(group) ?? []
    list.push(score)
    byGroup.set(group, list)
  }
  const spreads = [...byGroup].map(([group, list]) => spreadOf(group, list))
  const trim = raters.trim ?? 0
  if (raters.combine !== 'weighted') {
    const all = scores.map((score) => score.value)
    return { value: trimmedMean(all, raters.combine === 'trimmed-mean' ? trim : 0), spreads }
  }
  let weighted = 0
  let weightSum = 0
  for (const [group, list] of byGroup) {
    const weight = raters.weights?.[group] ?? 0
    if (weight === 0) continue
    weighted +=
      weight *
      trimmedMean(
        list.map((score) => score.value),
        trim,
      )
    weightSum += weight
  }
  return { value: weightSum > 0 ? weighted / weightSum : Number.NaN, spreads }
}

function trimmedMean(values: number[], trim: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const cut = Math.floor(trim * sorted.length)
  const kept = sorted.slice(cut, sorted.length - cut)
  const list = kept.length > 0 ? kept : sorted
  return list.reduce((sum, value) => sum + value, 0) / list.length
}

function spreadOf(group: string, list: { rater: string; value: number }[]): RaterSpread {
  const values = list.map((score) => score.value)
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length
  // Outliers by median absolute deviation: a single wild score inflates the standard deviation
  // enough to hide itself, the median does not move.
  const median = medianOf(values)
  const deviation = medianOf(values.map((value) => Math.abs(value - median)))
  const limit = 3 * 1.4826 * deviation
  const isOutlier = (value: number): boolean =>
    values.length >= 3 && (deviation > 0 ? Math.abs(value - median) > limit : value !== median)
  return {
    group,
    count: values.length,
    mean,
    min: Math.min(...values),
    max: Math.max(...values),
    standardDeviation: Math.sqrt(variance),
    outliers: list.filter((score) => isOutlier(score.value)).map((score) => score.rater),
  }
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
