export { assignGrades } from './assign-grades'
export { buildScoreMatrices } from './build-score-matrices'
export { combineRaters } from './combine-raters'
export { compileScheme } from './compile-scheme'
export type { CompiledScheme, CompiledTree } from './compiled-scheme'
export { computeStatistics, type GroupStatistics } from './compute-statistics'
export { explainUnit } from './explain-unit'
export type { Explanation, ExplanationLine, ExplanationRule } from './explanation'
export type { EvaluationFixture } from './fixtures/evaluation-fixture'
export { kaifeng2020 } from './fixtures/kaifeng-2020'
export { zhengzhou2016 } from './fixtures/zhengzhou-2016'
export { formatPoints } from './format-points'
export {
  type Indicator,
  IndicatorSchema,
  type NotApplicable,
  type Raters,
  type Source,
} from './indicator-schema'
export { listSchemeInputs, type SchemeInputKey } from './list-scheme-inputs'
export { parseScheme } from './parse-scheme'
export { type Ranking, rankUnits } from './rank-units'
export { type Reconciliation, reconcileTotals } from './reconcile-totals'
export { roundPoints } from './round-points'
export {
  type GradeRule,
  GradeRuleSchema,
  type Scheme,
  type SchemeInput,
  SchemeSchema,
  type TiePolicy,
  type UnitGroupScheme,
} from './scheme-schema'
export { type SchemeIssue, SchemeValidationError } from './scheme-validation-error'
export {
  type EvaluationResult,
  type GroupResult,
  type IndicatorResult,
  scoreEvaluation,
  type UnitResult,
} from './score-evaluation'
export { type ScoredEvaluation, type ScoredGroup, scoreMatrices } from './score-matrices'
export type { RaterSpread, ScoreMatrix } from './score-matrix'
export { ScoringInputError } from './scoring-input-error'
export type { UnitEntry, UnitInput } from './unit-input'
