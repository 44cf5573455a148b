import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { AuditEntrySchema, EntityIdSchema, type EvaluationStore } from '@pingce/core'
import type { AppEnv } from '../app-env'
import { requireRole } from '../auth/require-role'
import { tenantOf } from '../auth/tenant-of'
import { validationHook } from '../validation-hook'
import { bearerSecurity, errorResponses } from './error-responses'

const AuditOutSchema = AuditEntrySchema.openapi('AuditEntry')

export function auditRoutes(deps: { evaluations: EvaluationStore }): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
    createRoute({
      method: 'get',
      path: '/audit',
      tags: ['审计 Audit trail'],
      summary: '操作记录（谁、何时、修改前、修改后）Audit trail: who, when, before, after',
      security: bearerSecurity,
      middleware: [requireRole('admin', 'supervisor')] as const,
      request: {
        query: z.object({
          evaluationId: EntityIdSchema.optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
      },
      responses: {
        200: {
          description: 'Newest first',
          content: { 'application/json': { schema: z.object({ entries: z.array(AuditOutSchema) }) } },
        },
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => {
      const { evaluationId, limit } = c.req.valid('query')
      const entries = await deps.evaluations.listAudit({ tenantId: tenantOf(c), evaluationId, limit })
      return c.json({ entries }, 200)
    },
  )
}
