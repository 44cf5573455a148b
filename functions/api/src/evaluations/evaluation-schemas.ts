import { z } from '@hono/zod-openapi'
import { EntityIdSchema, EvaluationGroupSchema, EvaluationSchema, PeriodSchema } from '@pingce/core'

export const EvaluationOutSchema = EvaluationSchema.openapi('Evaluation')

export const CreateEvaluationSchema = z
  .object({
    evaluationId: EntityIdSchema,
    name: z.string().trim().min(1).max(100),
    period: PeriodSchema,
    groups: z.array(EvaluationGroupSchema).min(1),
    previousEvaluationId: EntityIdSchema.optional(),
    /** Last period's ranks by unit id, for a period that predates the service. */
    previousRanks: z.record(z.string(), z.number().int().positive()).optional(),
    sourceEvaluationIds: z.array(EntityIdSchema).default([]),
    isIllustrative: z
      .boolean()
      .default(false)
      .openapi({ description: '示意数据（演示用）illustrative data' }),
  })
  .openapi('EvaluationCreate')
export type CreateEvaluation = z.infer<typeof CreateEvaluationSchema>

export const TransitionSchema = z
  .object({
    action: z.enum(['submit-for-review', 'return-to-draft', 'publish', 're-evaluate']).openapi({
      description: '提交审核 / 退回修改 / 发布 / 复查复评',
    }),
    expectedVersion: z.number().int().positive(),
    reason: z.string().trim().max(500).optional(),
  })
  .openapi('EvaluationTransition')

export const EvaluationParams = z.object({
  evaluationId: EntityIdSchema.openapi({ param: { name: 'evaluationId', in: 'path' } }),
})
