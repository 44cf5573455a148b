import { z } from 'zod'
import { IndicatorSchema } from './indicator-schema'

const IdSchema = z.string().trim().min(1).max(100)

export const GradeRuleSchema = z.discriminatedUnion('by', [
  /** First band whose `min` the presented total reaches, e.g. Kaifeng 优秀 at 90 or more. */
  z.object({
    by: z.literal('threshold'),
    bands: z.array(z.object({ grade: z.string().min(1), min: z.number() })).min(1),
    /** Grade below every band; null for none. */
    otherwise: z.string().min(1).nullable().default(null),
  }),
  /** The first `top` ranks (or the first `topShare` of the group, rounded down) get the grade. */
  z.object({
    by: z.literal('quota'),
    quotas: z
      .array(
        z.object({
          grade: z.string().min(1),
          top: z.number().int().nonnegative().optional(),
          topShare: z.number().min(0).max(1).optional(),
        }),
      )
      .min(1),
    otherwise: z.string().min(1).nullable().default(null),
  }),
])
export type GradeRule = z.infer<typeof GradeRuleSchema>

export const TiePolicySchema = z.object({
  /**
   * competition: 1, 2, 2, 4. dense: 1, 2, 2, 3 (CSTC 并列). indicators: equal presented totals are
   * ordered by the listed indicators' presented values, highest first, then competition.
   * entry-order: equal totals keep the order in which the units were given.
   */
  policy: z.enum(['competition', 'dense', 'indicators', 'entry-order']),
  indicators: z.array(IdSchema).optional(),
})
export type TiePolicy = z.infer<typeof TiePolicySchema>

export const UnitGroupSchemeSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(100),
  /** Which of the scheme's trees this group is scored against. */
  tree: IdSchema,
  /** Reference population per name used by `ratio-to-max`: the groups whose units set the maximum. */
  populations: z.record(IdSchema, z.array(IdSchema).min(1)).default({}),
  /** Overrides the scheme's grade rule for this group (e.g. a quota per group). */
  grades: GradeRuleSchema.optional(),
})
export type UnitGroupScheme = z.infer<typeof UnitGroupSchemeSchema>

/**
 * A city's evaluation scheme (评估方案) as data. See docs/scheme-format.md for the worked example.
 */
export const SchemeSchema = z.object({
  id: IdSchema,
  version: z.number().int().positive(),
  name: z.string().min(1).max(200),
  /** Presentation decimals for points (2 in every seed); computation stays exact. */
  decimals: z.number().int().min(0).max(6).default(2),
  /** Measures (采用数, broken links…) with how their periods combine. */
  measures: z
    .array(
      z.object({
        id: IdSchema,
        label: z.string().min(1),
        periods: z.enum(['sum', 'mean', 'last']).default('sum'),
      }),
    )
    .default([]),
  trees: z.record(IdSchema, z.array(IndicatorSchema).min(1)),
  groups: z.array(UnitGroupSchemeSchema).min(1),
  /** Bonus items count only when the total after deductions is above this (national 2019: 80). */
  bonusGate: z.object({ above: z.number() }).optional(),
  /** 单项否决: a unit with any of these flags set is graded `grade` whatever its points. */
  vetoes: z
    .object({
      grade: z.string().min(1).default('不合格'),
      checks: z.array(z.object({ id: IdSchema, label: z.string().min(1) })).min(1),
    })
    .optional(),
  /** A presented total at or above the pass mark passes (national: 60). */
  passMark: z.number().optional(),
  ties: TiePolicySchema.default({ policy: 'competition' }),
  grades: GradeRuleSchema.optional(),
})
export type Scheme = z.infer<typeof SchemeSchema>
/** A scheme as authored (defaults not yet applied). */
export type SchemeInput = z.input<typeof SchemeSchema>
