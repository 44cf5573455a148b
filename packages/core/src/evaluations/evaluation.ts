import { EntityIdSchema } from '../org/unit-group'
import { z } from '../zod'

export const PeriodSchema = z.object({
  kind: z.enum(['year', 'quarter', 'month']),
  year: z.number().int().min(2000).max(2100),
  /** 1–4 for a quarter, 1–12 for a month; absent for a year. */
  index: z.number().int().min(1).max(12).optional(),
})
export type Period = z.infer<typeof PeriodSchema>

export const EvaluationStatusSchema = z.enum(['draft', 'in-review', 'published'])
export type EvaluationStatus = z.infer<typeof EvaluationStatusSchema>

export const EvaluationGroupSchema = z.object({
  groupId: EntityIdSchema,
  schemeId: EntityIdSchema,
  schemeVersion: z.number().int().positive(),
})

/** An evaluation (评估): a period, and per group the scheme version it is scored against. */
export const EvaluationSchema = z.object({
  evaluationId: EntityIdSchema,
  name: z.string().trim().min(1).max(100),
  period: PeriodSchema,
  groups: z.array(EvaluationGroupSchema).min(1),
  /** The evaluation whose ranks are "last period's rank" (上年排名). */
  previousEvaluationId: EntityIdSchema.optional(),
  /**
   * Last period's ranks by unit id when that period predates the service (a city moving its
   * history in); otherwise they come from `previousEvaluationId`'s published results.
   */
  previousRanks: z.record(z.string(), z.number().int().positive()).optional(),
  /** Monthly evaluations whose scores roll up into this one, where the scheme aggregates periods. */
  sourceEvaluationIds: z.array(EntityIdSchema).default([]),
  status: EvaluationStatusSchema,
  /** 0 for the first publication; each re-evaluation (复查复评) adds one. */
  revision: z.number().int().min(0),
  revisionReason: z.string().max(500).optional(),
  isIllustrative: z.boolean().default(false),
  /** Optimistic-locking version of this record. */
  version: z.number().int().positive(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
})
export type Evaluation = z.infer<typeof EvaluationSchema>
