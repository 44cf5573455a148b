import { EntityIdSchema } from '../org/unit-group'
import { z } from '../zod'

/**
 * A scheme version as stored. Versions are immutable: editing a scheme stores version n + 1, and an
 * evaluation pins the version it uses per group. The document is validated by the scoring engine.
 */
export const StoredSchemeSchema = z.object({
  schemeId: EntityIdSchema,
  version: z.number().int().positive(),
  name: z.string().min(1).max(100),
  document: z.unknown(),
  createdAt: z.string().datetime(),
  createdBy: z.string(),
})
export type StoredScheme = z.infer<typeof StoredSchemeSchema>
