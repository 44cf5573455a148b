import type { GroupResult } from './score-evaluation'

export interface ScoreBand {
  /** Inclusive lower bound; null for open. */
  lower: number | null
  /** Exclusive upper bound; null for open. */
  upper: number | null
}

export interface GroupStatistics {
  count: number
  mean: number | null
  median: number | null
  min: number | null
  max: number | null
  gradeCounts: Record<string, number>
  /** Counts and shares (0–1) per band, beside the previous period's where given. */
  bands: (ScoreBand & { count: number; share: number; previousCount?: number; previousShare?: number })[]
  /** mean − previous mean (Kaifeng counties: 88.6, +3.1). */
  changeOnPrevious: number | null
  /** Per level-1 indicator: share of units whose value reaches `goodRatio` of its maximum (Shanghai 优良率). */
  goodShares: Record<string, number>
}

/**
 * Statistics over one or several groups pooled (Zhengzhou table 10 pools the 66 units with websites).
 * Works on presented totals: the figures a circular prints are the ones it counts.
 *
 * @example
 * computeStatistics({ groups: [county], bands: [{ lower: 90, upper: null }], previous: { mean: 85.5 } })
 */
export function computeStatistics(options: {
  groups: GroupResult[]
  bands?: ScoreBand[]
  previous?: { mean?: number; bandCounts?: number[] }
  goodRatio?: number
}): GroupStatistics {
  const rows = options.groups.flatMap((group) => group.rows)
  const totals = rows.map((row) => row.presentedTotal).sort((a, b) => a - b)
  const count = totals.length
  const mean = count > 0 ? totals.reduce((sum, total) => sum + total, 0) / count : null
  const middle = Math.floor(count / 2)
  const median =
    count === 0 ? null : count % 2 === 1 ? totals[middle]! : (totals[middle - 1]! + totals[middle]!) / 2
  const gradeCounts: Record<string, number> = {}
  for (const row of rows) if (row.grade !== null) gradeCounts[row.grade] = (gradeCounts[row.grade] ?? 0) + 1
  const previousCounts = options.previous?.bandCounts
  const previousTotal = previousCounts?.reduce((sum, value) => sum + value, 0) ?? 0
  const bands = (options.bands ?? []).map((band, index) => {
    const inBand = totals.filter(
      (total) => (band.lower === null || total >= band.lower) && (band.upper === null || total < band.upper),
    ).length
    const previousCount = previousCounts?.[index]
    return {
      ...band,
      count: inBand,
      share: count > 0 ? inBand / count : 0,
      ...(previousCount === undefined
        ? {}
        : { previousCount, previousShare: previousTotal > 0 ? previousCount / previousTotal : 0 }),
    }
  })
  const goodShares: Record<string, number> = {}
  const goodRatio = options.goodRatio ?? 0.8
  const level1 = options.groups[0]?.indicators.filter((indicator) => indicator.depth === 0) ?? []
  for (const indicator of level1) {
    const rated = rows.filter(
      (row) => row.values[indicator.id]?.value !== null && row.values[indicator.id] !== undefined,
    )
    const good = rated.filter((row) => row.values[indicator.id]!.value! >= goodRatio * indicator.max).length
    goodShares[indicator.id] = rated.length > 0 ? good / rated.length : 0
  }
  const previousMean = options.previous?.mean
  return {
    count,
    mean,
    median,
    min: count > 0 ? totals[0]! : null,
    max: count > 0 ? totals[count - 1]! : null,
    gradeCounts,
    bands,
    changeOnPrevious: mean !== null && previousMean !== undefined ? mean - previousMean : null,
    goodShares,
  }
}
