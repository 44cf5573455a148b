import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppEnv } from '../app-env'
import { actorOf } from '../http/actor-of'
import { errorResponses, json, secured } from '../http/error-responses'
import { validationHook } from '../http/validation-hook'
import type { Services } from '../services'
import { createScheme, editSchemeRoles } from './create-scheme'
import { getScheme } from './get-scheme'
import { listSchemes, readSchemeRoles } from './list-schemes'
import { saveSchemeVersion } from './save-scheme-version'
import {
  CreateSchemeSchema,
  NewVersionSchema,
  SchemeOutSchema,
  SchemeParams,
  SchemeSummarySchema,
  SchemeVersionParams,
} from './scheme-schemas'

const tags = ['评估方案 Schemes']

const listRoute = createRoute({
  method: 'get',
  path: '/schemes',
  tags,
  summary: '方案列表（各方案最新版本）List schemes, latest versions',
  ...secured(readSchemeRoles),
  responses: {
    200: { description: 'Schemes', ...json(z.object({ schemes: z.array(SchemeSummarySchema) })) },
    ...errorResponses(401, 403),
  },
})

const createSchemeRoute = createRoute({
  method: 'post',
  path: '/schemes',
  tags,
  summary: '新建方案（第 1 版）Create a scheme (version 1)',
  ...secured(editSchemeRoles),
  request: { body: { ...json(CreateSchemeSchema), required: true } },
  responses: {
    201: { description: 'Created', ...json(SchemeOutSchema) },
    ...errorResponses(400, 401, 403, 409),
  },
})

const newVersionRoute = createRoute({
  method: 'put',
  path: '/schemes/{schemeId}',
  tags,
  summary: '修改方案：保存为新版本 Edit a scheme: stores a new version',
  ...secured(editSchemeRoles),
  request: { params: SchemeParams, body: { ...json(NewVersionSchema), required: true } },
  responses: {
    201: { description: 'New version', ...json(SchemeOutSchema) },
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

const latestRoute = createRoute({
  method: 'get',
  path: '/schemes/{schemeId}',
  tags,
  summary: '方案最新版本 Get the latest version of a scheme',
  ...secured(readSchemeRoles),
  request: { params: SchemeParams },
  responses: {
    200: { description: 'Latest version', ...json(SchemeOutSchema) },
    ...errorResponses(401, 403, 404),
  },
})

const versionRoute = createRoute({
  method: 'get',
  path: '/schemes/{schemeId}/versions/{version}',
  tags,
  summary: '方案的指定版本 Get one version of a scheme',
  ...secured(readSchemeRoles),
  request: { params: SchemeVersionParams },
  responses: {
    200: { description: 'The version', ...json(SchemeOutSchema) },
    ...errorResponses(400, 401, 403, 404),
  },
})

export function schemeRoutes(deps: Services): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.openapi(listRoute, async (c) =>
    c.json({ schemes: await listSchemes({ deps, actor: actorOf(c) }) }, 200),
  )
  app.openapi(createSchemeRoute, async (c) =>
    c.json(
      SchemeOutSchema.parse(await createScheme({ deps, actor: actorOf(c), input: c.req.valid('json') })),
      201,
    ),
  )
  app.openapi(newVersionRoute, async (c) => {
    const input = { ...c.req.valid('json'), ...c.req.valid('param') }
    return c.json(SchemeOutSchema.parse(await saveSchemeVersion({ deps, actor: actorOf(c), input })), 201)
  })
  app.openapi(latestRoute, async (c) =>
    c.json(
      SchemeOutSchema.parse(await getScheme({ deps, actor: actorOf(c), input: c.req.valid('param') })),
      200,
    ),
  )
  app.openapi(versionRoute, async (c) =>
    c.json(
      SchemeOutSchema.parse(await getScheme({ deps, actor: actorOf(c), input: c.req.valid('param') })),
      200,
    ),
  )
  return app
}
