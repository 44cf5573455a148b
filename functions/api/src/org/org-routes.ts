import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppEnv } from '../app-env'
import { actorOf } from '../http/actor-of'
import { errorResponses, json, secured } from '../http/error-responses'
import { validationHook } from '../http/validation-hook'
import type { Services } from '../services'
import { getUnit } from './get-unit'
import { listGroups, readOrgRoles } from './list-groups'
import { listUnits } from './list-units'
import {
  GroupBodySchema,
  GroupParams,
  GroupSchema,
  UnitBodySchema,
  UnitListQuery,
  UnitOutSchema,
  UnitParams,
} from './org-schemas'
import { editOrgRoles, putGroup } from './put-group'
import { putUnit } from './put-unit'

const tags = ['单位与分组 Units and groups']

const listGroupsRoute = createRoute({
  method: 'get',
  path: '/groups',
  tags,
  summary: '分组列表 List unit groups',
  ...secured(readOrgRoles),
  responses: {
    200: { description: 'Groups', ...json(z.object({ groups: z.array(GroupSchema) })) },
    ...errorResponses(401, 403),
  },
})

const putGroupRoute = createRoute({
  method: 'put',
  path: '/groups/{groupId}',
  tags,
  summary: '创建或修改分组 Create or replace a group',
  ...secured(editOrgRoles),
  request: { params: GroupParams, body: { ...json(GroupBodySchema), required: true } },
  responses: {
    200: { description: 'Stored', ...json(GroupSchema) },
    ...errorResponses(400, 401, 403),
  },
})

const listUnitsRoute = createRoute({
  method: 'get',
  path: '/units',
  tags,
  summary: '评估对象列表 List units (a unit user sees its own)',
  ...secured(readOrgRoles),
  request: { query: UnitListQuery },
  responses: {
    200: { description: 'Units', ...json(z.object({ units: z.array(UnitOutSchema) })) },
    ...errorResponses(400, 401, 403),
  },
})

const getUnitRoute = createRoute({
  method: 'get',
  path: '/units/{unitId}',
  tags,
  summary: '评估对象详情 Get a unit',
  ...secured(readOrgRoles),
  request: { params: UnitParams },
  responses: {
    200: { description: 'The unit', ...json(UnitOutSchema) },
    ...errorResponses(401, 403, 404),
  },
})

const putUnitRoute = createRoute({
  method: 'put',
  path: '/units/{unitId}',
  tags,
  summary: '创建或修改评估对象 Create or replace a unit',
  ...secured(editOrgRoles),
  request: { params: UnitParams, body: { ...json(UnitBodySchema), required: true } },
  responses: {
    200: { description: 'Stored', ...json(UnitOutSchema) },
    ...errorResponses(400, 401, 403),
  },
})

export function orgRoutes(deps: Services): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.openapi(listGroupsRoute, async (c) =>
    c.json({ groups: await listGroups({ deps, actor: actorOf(c) }) }, 200),
  )
  app.openapi(putGroupRoute, async (c) => {
    const input = { ...c.req.valid('json'), ...c.req.valid('param') }
    return c.json(await putGroup({ deps, actor: actorOf(c), input }), 200)
  })
  app.openapi(listUnitsRoute, async (c) =>
    c.json({ units: await listUnits({ deps, actor: actorOf(c), input: c.req.valid('query') }) }, 200),
  )
  app.openapi(getUnitRoute, async (c) =>
    c.json(await getUnit({ deps, actor: actorOf(c), input: c.req.valid('param') }), 200),
  )
  app.openapi(putUnitRoute, async (c) => {
    const input = { ...c.req.valid('json'), ...c.req.valid('param') }
    return c.json(await putUnit({ deps, actor: actorOf(c), input }), 200)
  })
  return app
}
