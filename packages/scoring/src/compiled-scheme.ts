import type { Raters } from './indicator-schema'
import type { Scheme, UnitGroupScheme } from './scheme-schema'

export const SOURCE_SCORE = 0
export const SOURCE_RATIO_TO_MAX = 1
export const SOURCE_RATIO_TO_TARGET = 2
export const SOURCE_DEDUCTIONS = 3
export const SOURCE_BANDS = 4

export const ROLE_NORMAL = 0
export const ROLE_BONUS = 1
export const ROLE_DEDUCTION = 2

export const NA_NONE = 0
export const NA_IMPUTE = 1
export const NA_EXCLUDE = 2
export const NA_ZERO = 3

export const PERIODS_MEAN = 0
export const PERIODS_LAST = 1
export const PERIODS_SUM = 2

/**
 * One indicator tree flattened into parallel arrays, indexed by node. The hot path walks `order`
 * (children and imputation sources first) over typed arrays; nothing is allocated per unit.
 */
export interface CompiledTree {
  id: string
  nodeCount: number
  ids: string[]
  labels: string[]
  depth: Int32Array
  parent: Int32Array
  children: Int32Array[]
  max: Float64Array
  role: Uint8Array
  /** Evaluation order: children and imputation sources before the node. */
  order: Int32Array
  /** `order` without the scored leaves that need no not-applicable policy (settled in the input pass). */
  orderAfterInputs: Int32Array
  /** Per input column: 1 when its leaf is settled in the input pass. */
  isSettledColumn: Uint8Array
  /** Pre-order, as explanations and tables list indicators. */
  displayOrder: Int32Array
  roots: Int32Array
  /** Node → column in the score matrix (scored leaves only), else −1. */
  inputColumn: Int32Array
  /** Column → node. */
  inputNodes: Int32Array
  sourceKind: Uint8Array
  sourceMeasure: Int32Array
  sourceParameter: Float64Array
  sourceCap: Float64Array
  sourceBands: ({ min: number; points: number }[] | undefined)[]
  sourcePopulation: (string | undefined)[]
  periods: Uint8Array
  raters: (Raters | undefined)[]
  notApplicable: Uint8Array
  imputeFrom: Int32Array
  isRoundedAtSource: Uint8Array
  allowsAboveMax: Uint8Array
  /** Full marks: sum of the normal level-1 maxima. */
  fullMarks: number
  tieNodes: Int32Array
}

export interface CompiledGroup {
  id: string
  name: string
  tree: CompiledTree
  definition: UnitGroupScheme
}

/** A validated scheme compiled once for scoring many units. */
export interface CompiledScheme {
  scheme: Scheme
  decimals: number
  measureIds: string[]
  measurePeriods: Uint8Array
  vetoIds: string[]
  trees: Map<string, CompiledTree>
  groups: Map<string, CompiledGroup>
}
