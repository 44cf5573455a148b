import { z } from '@hono/zod-openapi'
import {
  EntityIdSchema,
  PublishedExplanationLineSchema,
  PublishedExplanationSchema,
  PublishedGroupSchema,
  PublishedRowSchema,
} from '@pingce/core'

// The published contract (packages/core/src/results) named for the OpenAPI document.
export const ExplanationOutSchema = PublishedExplanationSchema.extend({
  lines: z.array(PublishedExplanationLineSchema.openapi('ExplanationLine')),
}).openapi('Explanation')
export const GroupTableSchema = PublishedGroupSchema.omit({ explanations: true })
  .extend({ rows: z.array(PublishedRowSchema.openapi('ResultRow')) })
  .openapi('GroupResult')

export const ResultsSchema = z
  .object({
    evaluationId: z.string(),
    revision: z.number().int(),
    status: z.enum(['published', 'preview']),
    groups: z.array(GroupTableSchema),
  })
  .openapi('EvaluationResults')

export const ResultParams = z.object({
  evaluationId: EntityIdSchema.openapi({ param: { name: 'evaluationId', in: 'path' } }),
})

export const ResultQuery = z.object({
  groupId: EntityIdSchema.optional(),
  revision: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .openapi({ description: '已发布的修订版本；默认最新发布' }),
  preview: z.enum(['true', 'false']).optional().openapi({
    description: '评估人员、管理员、监督人员可预览未发布结果 staff may preview unpublished results',
  }),
})
