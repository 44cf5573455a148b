import { z } from 'zod'

const IdSchema = z.string().trim().min(1).max(100)

/** Where a leaf indicator's value comes from: an evaluator's score or a formula over measures. */
export const SourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('score') }),
  /** max × measure / (max of the measure over a reference population), e.g. Zhengzhou 信息报送. */
  z.object({ kind: z.literal('ratio-to-max'), measure: IdSchema, population: IdSchema }),
  /** max × min(1, measure / target). */
  z.object({ kind: z.literal('ratio-to-target'), measure: IdSchema, target: z.number().positive() }),
  /** max − min(cap, pointsPerItem × count): 1 point per broken link, at most 5. */
  z.object({
    kind: z.literal('deductions'),
    measure: IdSchema,
    pointsPerItem: z.number().positive(),
    cap: z.number().nonnegative().optional(),
  }),
  /** Points of the highest band whose `min` the measure reaches; 0 below every band. */
  z.object({
    kind: z.literal('bands'),
    measure: IdSchema,
    bands: z.array(z.object({ min: z.number(), points: z.number() })).min(1),
  }),
])
export type Source = z.infer<typeof SourceSchema>

/** What happens when an indicator is not applicable (无): no value in any period. */
export const NotApplicableSchema = z.discriminatedUnion('policy', [
  /** Value = the referenced indicator's ratio (value / max) × this max. */
  z.object({ policy: z.literal('impute-ratio'), from: IdSchema }),
  /** Leaves the denominator: the total is rescaled to the full marks of the tree. */
  z.object({ policy: z.literal('exclude-rescale') }),
  z.object({ policy: z.literal('zero') }),
])
export type NotApplicable = z.infer<typeof NotApplicableSchema>

/** How several raters' scores for one leaf become one value. Rater ids are `group` or `group:person`. */
export const RatersSchema = z.object({
  combine: z.enum(['mean', 'trimmed-mean', 'weighted']),
  /** Share trimmed at each end for `trimmed-mean` (and inside each group for `weighted`). */
  trim: z.number().min(0).max(0.49).optional(),
  /** Weight per rater group or stage for `weighted`; normalised over the groups present. */
  weights: z.record(IdSchema, z.number().nonnegative()).optional(),
})
export type Raters = z.infer<typeof RatersSchema>

export interface Indicator {
  id: string
  label: string
  max: number
  role?: 'normal' | 'bonus' | 'deduction' | undefined
  /** Content/format split: children generated with max = share × max. */
  split?: { id: string; label: string; share: number }[] | undefined
  children?: Indicator[] | undefined
  source?: Source | undefined
  periods?: 'mean' | 'last' | 'sum' | undefined
  raters?: Raters | undefined
  notApplicable?: NotApplicable | undefined
  rounding?: 'exact' | 'presented' | undefined
  allowsAboveMax?: boolean | undefined
}

/**
 * One node of an indicator tree. Leaves are scored or derived; parents sum their children.
 * Maxima may be negative in the input so that validation can name the indicator in its message.
 */
export const IndicatorSchema: z.ZodType<Indicator> = z.lazy(() =>
  z.object({
    id: IdSchema,
    label: z.string().min(1).max(200),
    max: z.number(),
    role: z.enum(['normal', 'bonus', 'deduction']).optional(),
    split: z
      .array(z.object({ id: IdSchema, label: z.string().min(1), share: z.number().positive().max(1) }))
      .min(2)
      .optional(),
    children: z.array(IndicatorSchema).min(1).optional(),
    source: SourceSchema.optional(),
    periods: z.enum(['mean', 'last', 'sum']).optional(),
    raters: RatersSchema.optional(),
    notApplicable: NotApplicableSchema.optional(),
    rounding: z.enum(['exact', 'presented']).optional(),
    allowsAboveMax: z.boolean().optional(),
  }),
)
