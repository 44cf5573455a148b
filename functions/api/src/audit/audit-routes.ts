import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { AuditEntrySchema, EntityIdSchema } from '@pingce/core'
import type { AppEnv } from '../app-env'
import { actorOf } from '../http/actor-of'
import { errorResponses, json, secured } from '../http/error-responses'
import { validationHook } from '../http/validation-hook'
import type { Services } from '../services'
import { listAudit, readAuditRoles } from './list-audit'

const AuditOutSchema = AuditEntrySchema.openapi('AuditEntry')
const segment = z
  .string()
  .min(1)
  .max(300)
  .regex(/^[^#]+$/, 'must not contain #')

const AuditQuerySchema = z
  .object({
    evaluationId: EntityIdSchema.optional(),
    entityType: segment
      .optional()
      .openapi({ description: '实体类型：user、group、unit、scheme、evaluation、score …' }),
    entityId: segment.optional().openapi({ description: '实体标识（与 entityType 同时给出）' }),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .superRefine((query, ctx) => {
    if (Boolean(query.entityType) !== Boolean(query.entityId)) {
      ctx.addIssue({
        code: 'custom',
        path: [query.entityType ? 'entityId' : 'entityType'],
        message: 'entityType and entityId go together',
      })
    }
  })

const auditRoute = createRoute({
  method: 'get',
  path: '/audit',
  tags: ['审计 Audit trail'],
  summary: '操作记录（谁、何时、修改前、修改后）Audit trail: who, when, before, after',
  ...secured(readAuditRoles),
  request: { query: AuditQuerySchema },
  responses: {
    200: { description: 'Newest first', ...json(z.object({ entries: z.array(AuditOutSchema) })) },
    ...errorResponses(400, 401, 403),
  },
})

export function auditRoutes(deps: Services): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(auditRoute, async (c) =>
    c.json({ entries: await listAudit({ deps, actor: actorOf(c), input: c.req.valid('query') }) }, 200),
  )
}
