import { z } from '@hono/zod-openapi'
import { EntityIdSchema, ScoreEntrySchema } from '@pingce/core'

/** A score as an evaluator sends it; the server adds version, time and author. */
export const ScoreInputSchema = z
  .object({
    unitId: EntityIdSchema,
    kind: z.enum(['score', 'measure', 'flag', 'printed-total']).default('score'),
    key: z
      .string()
      .min(1)
      .max(100)
      .openapi({ description: '指标、度量或标志的标识 indicator, measure or flag id' }),
    period: z.string().max(20).optional().openapi({ description: '月度数据的期间，如 2016-03' }),
    rater: z.string().max(100).optional(),
    value: z.number().finite().nullable().openapi({ description: 'null 表示「无」(not applicable)' }),
    note: z.string().max(1000).optional(),
  })
  .openapi('ScoreInput')
export type ScoreInput = z.infer<typeof ScoreInputSchema>

export const ScoreOutSchema = ScoreEntrySchema.openapi('Score')

export const PutScoreSchema = ScoreInputSchema.extend({
  /** The version the evaluator saw; omitted when entering a score for the first time. */
  expectedVersion: z.number().int().positive().optional(),
}).openapi('ScorePut')

export const BulkScoresSchema = z
  .object({ scores: z.array(ScoreInputSchema).min(1).max(20_000) })
  .openapi('ScoreBulk')

export const ScoreImportFormSchema = z.object({
  groupId: EntityIdSchema,
  file: z.any().openapi({ type: 'string', format: 'binary', description: '.xlsx 或 .csv' }),
})

export const ScoreImportResultSchema = z
  .object({ importId: z.string(), entryCount: z.number().int(), alreadyApplied: z.boolean() })
  .openapi('ScoreImportResult')
export type ScoreImportResult = z.infer<typeof ScoreImportResultSchema>

export const ScoreListQuerySchema = z.object({ unitId: EntityIdSchema.optional() })
