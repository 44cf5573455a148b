import { z } from '@hono/zod-openapi'

/** One line of a unit's explanation: what went in, which rule applied, what it contributed. */
export const ExplanationLineSchema = z
  .object({
    indicatorId: z.string(),
    label: z.string(),
    depth: z.number().int(),
    inputs: z.string().openapi({ description: '输入，如「采用数 318 / 最大值 318」' }),
    rule: z.string().openapi({ description: '规则：评分、推导、折算、剔除后按比例折合、加分、封顶、否决…' }),
    points: z.string().openapi({ description: '该项得分（展示精度）' }),
    exactPoints: z.number(),
  })
  .openapi('ExplanationLine')

export const ExplanationSchema = z
  .object({
    unitId: z.string(),
    unitName: z.string(),
    total: z.number(),
    displayTotal: z.string(),
    lines: z.array(ExplanationLineSchema),
    notes: z.array(z.string()),
  })
  .openapi('Explanation')
export type Explanation = z.infer<typeof ExplanationSchema>

export const ResultRowSchema = z
  .object({
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
  .openapi('ResultRow')
export type ResultRow = z.infer<typeof ResultRowSchema>

export const GroupResultSchema = z
  .object({
    groupId: z.string(),
    groupName: z.string(),
    schemeId: z.string(),
    schemeVersion: z.number().int(),
    decimals: z.number().int(),
    indicators: z.array(z.object({ id: z.string(), label: z.string(), max: z.number() })),
    rows: z.array(ResultRowSchema),
    statistics: z.object({
      count: z.number().int(),
      mean: z.number().nullable(),
      median: z.number().nullable(),
      gradeCounts: z.record(z.string(), z.number().int()),
    }),
    explanations: z.record(z.string(), ExplanationSchema),
  })
  .openapi('GroupResult')
export type GroupResult = z.infer<typeof GroupResultSchema>
