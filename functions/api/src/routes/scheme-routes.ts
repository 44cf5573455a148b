import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  ConflictError,
  EntityIdSchema,
  NotFoundError,
  type SchemeStore,
  StoredSchemeSchema,
} from '@pingce/core'
import type { Context } from 'hono'
import type { AppEnv } from '../app-env'
import { requireRole } from '../auth/require-role'
import { tenantOf } from '../auth/tenant-of'
import { validateSchemeDocument } from '../scoring/validate-scheme-document'
import { validationHook } from '../validation-hook'
import { bearerSecurity, errorResponses } from './error-responses'

const SchemeOutSchema = StoredSchemeSchema.extend({
  document: z
    .record(z.string(), z.unknown())
    .openapi({ description: '方案文档 the scheme, see docs/scheme-format.md' }),
}).openapi('SchemeVersion')
const SchemeSummarySchema = StoredSchemeSchema.omit({ document: true }).openapi('SchemeSummary')
const CreateSchemeSchema = z
  .object({
    schemeId: EntityIdSchema,
    name: z.string().trim().min(1).max(100),
    document: z.record(z.string(), z.unknown()),
  })
  .openapi('SchemeCreate')
const NewVersionSchema = z
  .object({
    /** The version the edit started from: a stale edit gets 409 instead of overwriting a newer one. */
    basedOnVersion: z.number().int().positive(),
    name: z.string().trim().min(1).max(100).optional(),
    document: z.record(z.string(), z.unknown()),
  })
  .openapi('SchemeNewVersion')
const SchemeParams = z.object({
  schemeId: EntityIdSchema.openapi({ param: { name: 'schemeId', in: 'path' } }),
})
const tags = ['评估方案 Schemes']
const readers = ['admin', 'evaluator', 'supervisor', 'unit'] as const

export function schemeRoutes(deps: { schemes: SchemeStore; clock: () => Date }): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })

  /** Checks the document with the engine, stamps who and when, and stores the version. */
  const storeVersion = async (
    c: Context<AppEnv>,
    fields: { schemeId: string; name: string; document: Record<string, unknown>; version: number },
  ) => {
    validateSchemeDocument({ document: fields.document })
    const scheme = { ...fields, createdAt: deps.clock().toISOString(), createdBy: c.get('auth').userId }
    await deps.schemes.createVersion({ tenantId: tenantOf(c), scheme })
    return scheme
  }

  app.openapi(
    createRoute({
      method: 'get',
      path: '/schemes',
      tags,
      summary: '方案列表（各方案最新版本）List schemes, latest versions',
      security: bearerSecurity,
      middleware: [requireRole(...readers)] as const,
      responses: {
        200: {
          description: 'Schemes',
          content: { 'application/json': { schema: z.object({ schemes: z.array(SchemeSummarySchema) }) } },
        },
        ...errorResponses(401, 403),
      },
    }),
    async (c) => {
      const schemes = await deps.schemes.listLatest({ tenantId: tenantOf(c) })
      return c.json({ schemes: schemes.map(({ document, ...summary }) => summary) }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/schemes',
      tags,
      summary: '新建方案（第 1 版）Create a scheme (version 1)',
      security: bearerSecurity,
      middleware: [requireRole('admin')] as const,
      request: { body: { content: { 'application/json': { schema: CreateSchemeSchema } }, required: true } },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: SchemeOutSchema } } },
        ...errorResponses(400, 401, 403, 409),
      },
    }),
    async (c) => {
      const body = c.req.valid('json')
      const tenantId = tenantOf(c)
      if (await deps.schemes.getLatest({ tenantId, schemeId: body.schemeId })) {
        throw new ConflictError({
          message: '该方案标识已存在',
          issues: [{ path: 'schemeId', message: 'already exists' }],
        })
      }
      return c.json(await storeVersion(c, { ...body, version: 1 }), 201)
    },
  )

  app.openapi(
    createRoute({
      method: 'put',
      path: '/schemes/{schemeId}',
      tags,
      summary: '修改方案：保存为新版本 Edit a scheme: stores a new version',
      security: bearerSecurity,
      middleware: [requireRole('admin')] as const,
      request: {
        params: SchemeParams,
        body: { content: { 'application/json': { schema: NewVersionSchema } }, required: true },
      },
      responses: {
        201: { description: 'New version', content: { 'application/json': { schema: SchemeOutSchema } } },
        ...errorResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const { schemeId } = c.req.valid('param')
      const body = c.req.valid('json')
      const tenantId = tenantOf(c)
      const latest = await deps.schemes.getLatest({ tenantId, schemeId })
      if (!latest) throw new NotFoundError({ message: '未找到该方案' })
      if (latest.version !== body.basedOnVersion) {
        throw new ConflictError({
          message: `方案已有更新的版本（第 ${latest.version} 版），请基于最新版本修改`,
          details: { currentVersion: latest.version },
        })
      }
      const fields = {
        schemeId,
        name: body.name ?? latest.name,
        document: body.document,
        version: latest.version + 1,
      }
      return c.json(await storeVersion(c, fields), 201)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/schemes/{schemeId}',
      tags,
      summary: '方案最新版本 Get the latest version of a scheme',
      security: bearerSecurity,
      middleware: [requireRole(...readers)] as const,
      request: { params: SchemeParams },
      responses: {
        200: { description: 'Latest version', content: { 'application/json': { schema: SchemeOutSchema } } },
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => {
      const scheme = await deps.schemes.getLatest({
        tenantId: tenantOf(c),
        schemeId: c.req.valid('param').schemeId,
      })
      if (!scheme) throw new NotFoundError({ message: '未找到该方案' })
      return c.json(SchemeOutSchema.parse(scheme), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/schemes/{schemeId}/versions/{version}',
      tags,
      summary: '方案的指定版本 Get one version of a scheme',
      security: bearerSecurity,
      middleware: [requireRole(...readers)] as const,
      request: {
        params: SchemeParams.extend({
          version: z.coerce
            .number()
            .int()
            .positive()
            .openapi({ param: { name: 'version', in: 'path' } }),
        }),
      },
      responses: {
        200: { description: 'The version', content: { 'application/json': { schema: SchemeOutSchema } } },
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { schemeId, version } = c.req.valid('param')
      const scheme = await deps.schemes.getVersion({ tenantId: tenantOf(c), schemeId, version })
      if (!scheme) throw new NotFoundError({ message: '未找到该方案版本' })
      return c.json(SchemeOutSchema.parse(scheme), 200)
    },
  )

  return app
}
