import { z } from '@hono/zod-openapi'
import { EntityIdSchema, StoredSchemeSchema } from '@pingce/core'

export const SchemeOutSchema = StoredSchemeSchema.extend({
  document: z
    .record(z.string(), z.unknown())
    .openapi({ description: '方案文档 the scheme, see docs/scheme-format.md' }),
}).openapi('SchemeVersion')

export const SchemeSummarySchema = StoredSchemeSchema.omit({ document: true }).openapi('SchemeSummary')

export const CreateSchemeSchema = z
  .object({
    schemeId: EntityIdSchema,
    name: z.string().trim().min(1).max(100),
    document: z.record(z.string(), z.unknown()),
  })
  .openapi('SchemeCreate')
export type CreateScheme = z.infer<typeof CreateSchemeSchema>

export const NewVersionSchema = z
  .object({
    /** The version the edit started from: a stale edit gets 409 instead of overwriting a newer one. */
    basedOnVersion: z.number().int().positive(),
    name: z.string().trim().min(1).max(100).optional(),
    document: z.record(z.string(), z.unknown()),
  })
  .openapi('SchemeNewVersion')
export type NewSchemeVersion = z.infer<typeof NewVersionSchema>

export const SchemeParams = z.object({
  schemeId: EntityIdSchema.openapi({ param: { name: 'schemeId', in: 'path' } }),
})

export const SchemeVersionParams = SchemeParams.extend({
  version: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'version', in: 'path' } }),
})
