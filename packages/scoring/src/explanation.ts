/** The rule that produced an indicator's value. */
export type ExplanationRule =
  | 'scored'
  | 'derived'
  | 'sum'
  | 'imputed'
  | 'excluded-rescaled'
  | 'not-applicable-zero'
  | 'capped'
  | 'bonus'
  | 'deduction'
  | 'bonus-gated-out'
  | 'vetoed'

/** One indicator of one unit: what went in, which rule applied, what it contributed to the total. */
export interface ExplanationLine {
  indicatorId: string
  label: string
  depth: number
  max: number
  rule: ExplanationRule
  /** Human-readable inputs, e.g. 「采用数 17 / 参照最大值 258 × 5」. */
  inputs: string
  /** Exact value before rescaling; null when excluded. */
  value: number | null
  /** The value as printed. */
  points: string
  /** Exact points this indicator adds to the total (rescaled, gated, negative for deductions). Level-1 contributions add up to the total. */
  contribution: number
}

/** Why a unit got its total: answers "why 84.60?". */
export interface Explanation {
  unitId: string
  unitName: string
  groupId: string
  total: number
  displayTotal: string
  rank: number
  grade: string | null
  lines: ExplanationLine[]
  notes: string[]
}
