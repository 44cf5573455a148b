import { z } from '../zod'

/**
 * The published results contract: what a publication stores per group and revision, what the
 * results routes serve and what later readers (circulars, the national view) read. Distinct from
 * the engine's own result types (`@pingce/scoring`'s `GroupResult`, `Explanation`), which are
 * in-memory and may change with the engine; this is stored and must stay readable.
 */

/** One line of a unit's explanation: what went in, which rule applied, what it contributed. */
export const PublishedExplanationLineSchema = z.object({
  indicatorId: z.string(),
  label: z.string(),
  depth: z.number().int(),
  inputs: z.string().openapi({ description: '输入，如「采用数 318 / 最大值 318」' }),
  rule: z.string().openapi({ description: '规则：评分、推导、折算、剔除后按比例折合、加分、封顶、否决…' }),
  points: z.string().openapi({ description: '该项得分（展示精度）' }),
  exactPoints: z.number(),
})
export type PublishedExplanationLine = z.infer<typeof PublishedExplanationLineSchema>

/** Why a unit has its total, indicator by indicator. */
export const PublishedExplanationSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  total: z.number(),
  displayTotal: z.string(),
  lines: z.array(PublishedExplanationLineSchema),
  notes: z.array(z.string()),
})
export type PublishedExplanation = z.infer<typeof PublishedExplanationSchema>

/** One row of a group's ranked table (level-1 values; every level is in the explanation). */
export const PublishedRowSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  rank: z.number().int(),
  isTied: z.boolean(),
  total: z.number().openapi({ description: '精确总分 exact total' }),
  displayTotal: z.string().openapi({ description: '按方案小数位展示的总分' }),
  grade: z.string().nullable(),
  isVetoed: z.boolean(),
  previousRank: z.number().int().nullable(),
  movement: z.number().int().nullable().openapi({ description: '名次变化，正数为上升' }),
  values: z.record(
    z.string(),
    z.object({ value: z.number().nullable(), display: z.string(), rule: z.string() }),
  ),
  reconciliation: z
    .object({ printed: z.number(), computed: z.number() })
    .optional()
    .openapi({ description: '与公布总分不一致时的两个数' }),
})
export type PublishedRow = z.infer<typeof PublishedRowSchema>

export const PublishedGroupStatisticsSchema = z.object({
  count: z.number().int(),
  mean: z.number().nullable(),
  median: z.number().nullable(),
  gradeCounts: z.record(z.string(), z.number().int()),
})

/** A group's results: its level-1 indicators, ranked rows, statistics and every explanation. */
export const PublishedGroupSchema = z.object({
  groupId: z.string(),
  groupName: z.string(),
  schemeId: z.string(),
  schemeVersion: z.number().int(),
  decimals: z.number().int(),
  indicators: z.array(z.object({ id: z.string(), label: z.string(), max: z.number() })),
  rows: z.array(PublishedRowSchema),
  statistics: PublishedGroupStatisticsSchema,
  explanations: z.record(z.string(), PublishedExplanationSchema),
})
export type PublishedGroup = z.infer<typeof PublishedGroupSchema>

/** A group's results as stored for one revision of an evaluation. */
export interface PublishedSnapshot {
  groupId: string
  revision: number
  computedAt: string
  group: PublishedGroup
}
