import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  type AuthContext,
  EntityIdSchema,
  NotFoundError,
  type OrgStore,
  type Unit,
  UnitGroupSchema,
  UnitSchema,
  ValidationError,
} from '@pingce/core'
import type { AppEnv } from '../app-env'
import { requireRole } from '../auth/require-role'
import { tenantOf } from '../auth/tenant-of'
import { validationHook } from '../validation-hook'
import { bearerSecurity, errorResponses } from './error-responses'

const GroupSchema = UnitGroupSchema.openapi('UnitGroup')
const GroupBodySchema = UnitGroupSchema.omit({ groupId: true }).openapi('UnitGroupInput')
const UnitOutSchema = UnitSchema.openapi('Unit')
const UnitBodySchema = UnitSchema.omit({ unitId: true }).openapi('UnitInput')
const GroupParams = z.object({ groupId: EntityIdSchema.openapi({ param: { name: 'groupId', in: 'path' } }) })
const UnitParams = z.object({ unitId: EntityIdSchema.openapi({ param: { name: 'unitId', in: 'path' } }) })
const tags = ['单位与分组 Units and groups']
const readers = ['admin', 'evaluator', 'supervisor', 'unit'] as const

/** A unit user sees its own unit only; everyone else in the tenant sees all units. */
function isVisible(auth: AuthContext, unit: Unit): boolean {
  return auth.role !== 'unit' || auth.unitId === unit.unitId
}

export function orgRoutes(deps: { org: OrgStore }): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })

  app.openapi(
    createRoute({
      method: 'get',
      path: '/groups',
      tags,
      summary: '分组列表 List unit groups',
      security: bearerSecurity,
      middleware: [requireRole(...readers)] as const,
      responses: {
        200: {
          description: 'Groups',
          content: { 'application/json': { schema: z.object({ groups: z.array(GroupSchema) }) } },
        },
        ...errorResponses(401, 403),
      },
    }),
    async (c) => c.json({ groups: await deps.org.listGroups({ tenantId: tenantOf(c) }) }, 200),
  )

  app.openapi(
    createRoute({
      method: 'put',
      path: '/groups/{groupId}',
      tags,
      summary: '创建或修改分组 Create or replace a group',
      security: bearerSecurity,
      middleware: [requireRole('admin')] as const,
      request: {
        params: GroupParams,
        body: { content: { 'application/json': { schema: GroupBodySchema } }, required: true },
      },
      responses: {
        200: { description: 'Stored', content: { 'application/json': { schema: GroupSchema } } },
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => {
      const group = { ...c.req.valid('json'), groupId: c.req.valid('param').groupId }
      await deps.org.putGroup({ tenantId: tenantOf(c), group })
      return c.json(group, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/units',
      tags,
      summary: '评估对象列表 List units (a unit user sees its own)',
      security: bearerSecurity,
      middleware: [requireRole(...readers)] as const,
      request: { query: z.object({ groupId: EntityIdSchema.optional() }) },
      responses: {
        200: {
          description: 'Units',
          content: { 'application/json': { schema: z.object({ units: z.array(UnitOutSchema) }) } },
        },
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => {
      const auth = c.get('auth')
      const units = await deps.org.listUnits({ tenantId: tenantOf(c), groupId: c.req.valid('query').groupId })
      return c.json({ units: units.filter((unit) => isVisible(auth, unit)) }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/units/{unitId}',
      tags,
      summary: '评估对象详情 Get a unit',
      security: bearerSecurity,
      middleware: [requireRole(...readers)] as const,
      request: { params: UnitParams },
      responses: {
        200: { description: 'The unit', content: { 'application/json': { schema: UnitOutSchema } } },
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => {
      const unit = await deps.org.getUnit({ tenantId: tenantOf(c), unitId: c.req.valid('param').unitId })
      if (!unit || !isVisible(c.get('auth'), unit)) throw new NotFoundError({ message: '未找到该评估对象' })
      return c.json(unit, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'put',
      path: '/units/{unitId}',
      tags,
      summary: '创建或修改评估对象 Create or replace a unit',
      security: bearerSecurity,
      middleware: [requireRole('admin')] as const,
      request: {
        params: UnitParams,
        body: { content: { 'application/json': { schema: UnitBodySchema } }, required: true },
      },
      responses: {
        200: { description: 'Stored', content: { 'application/json': { schema: UnitOutSchema } } },
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => {
      const tenantId = tenantOf(c)
      const unit = UnitSchema.parse({ ...c.req.valid('json'), unitId: c.req.valid('param').unitId })
      if (!(await deps.org.getGroup({ tenantId, groupId: unit.groupId }))) {
        throw new ValidationError({
          message: '分组不存在',
          issues: [{ path: 'groupId', message: 'no such group' }],
        })
      }
      await deps.org.putUnits({ tenantId, units: [unit] })
      return c.json(unit, 200)
    },
  )

  return app
}
