import { z } from '../zod'

/** Who changed what, when, from what to what. Written in the same transaction as the change. */
export const AuditEntrySchema = z.object({
  auditId: z.string(),
  at: z.string().datetime(),
  actorId: z.string(),
  actorRole: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  evaluationId: z.string().optional(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  reason: z.string().optional(),
})
export type AuditEntry = z.infer<typeof AuditEntrySchema>
