/** Spread of several raters' scores for one leaf in one period, kept so outliers can be reviewed. */
export interface RaterSpread {
  group: string
  count: number
  mean: number
  min: number
  max: number
  standardDeviation: number
  /** Raters more than 3 scaled median absolute deviations from their group's median. */
  outliers: string[]
}

/**
 * The columnar input of one group: what `scoreMatrices` reads in its hot path. Build it with
 * `buildScoreMatrices` from entries, or fill it directly (bench, bulk imports).
 * `NaN` means no value (无) for that unit, column and period.
 */
export interface ScoreMatrix {
  groupId: string
  unitIds: string[]
  unitNames: string[]
  periodLabels: string[]
  /** unit × scored leaf (tree.inputNodes order) × period. */
  scores: Float64Array
  /** unit × scheme measure × period. */
  measures: Float64Array
  /** unit × veto check: 1 when the check failed. */
  vetoes: Uint8Array
  /** Rater spreads by `${unit}:${column}:${period}`, for explanations only. */
  raterSpreads: Map<string, RaterSpread[]>
}
