import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { EntityIdSchema, ValidationError } from '@pingce/core'
import type { AppEnv } from '../app-env'
import { actorOf } from '../http/actor-of'
import { errorResponses, json, secured } from '../http/error-responses'
import { validationHook } from '../http/validation-hook'
import type { Services } from '../services'
import { importScores, importScoresRoles } from './import-scores'
import { listScores, listScoresRoles } from './list-scores'
import { putScore, putScoreRoles } from './put-score'
import {
  BulkScoresSchema,
  PutScoreSchema,
  ScoreImportFormSchema,
  ScoreImportResultSchema,
  ScoreListQuerySchema,
  ScoreOutSchema,
} from './score-schemas'

const EvaluationParams = z.object({
  evaluationId: EntityIdSchema.openapi({ param: { name: 'evaluationId', in: 'path' } }),
})
const tags = ['分数 Scores']

const listRoute = createRoute({
  method: 'get',
  path: '/evaluations/{evaluationId}/scores',
  tags,
  summary: '评估的全部分数 List the scores of an evaluation',
  ...secured(listScoresRoles),
  request: { params: EvaluationParams, query: ScoreListQuerySchema },
  responses: {
    200: { description: 'Scores', ...json(z.object({ scores: z.array(ScoreOutSchema) })) },
    ...errorResponses(401, 403, 404),
  },
})

const putRoute = createRoute({
  method: 'put',
  path: '/evaluations/{evaluationId}/scores',
  tags,
  summary: '录入或修改一项分数（乐观锁）Enter or change one score (optimistic locking)',
  description:
    '首次录入不带 expectedVersion；修改时带上读取到的版本号，若他人已修改则返回 409 及当前值。Send the version you read; a concurrent change answers 409 with the current value.',
  ...secured(putScoreRoles),
  request: { params: EvaluationParams, body: { ...json(PutScoreSchema), required: true } },
  responses: {
    200: { description: 'Stored', ...json(ScoreOutSchema) },
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

const bulkRoute = createRoute({
  method: 'post',
  path: '/evaluations/{evaluationId}/scores/bulk',
  tags,
  summary: '批量录入分数（全部成功或全部不生效，可重复提交）Bulk scores: all or nothing, idempotent',
  ...secured(importScoresRoles),
  request: { params: EvaluationParams, body: { ...json(BulkScoresSchema), required: true } },
  responses: {
    200: { description: 'Applied', ...json(ScoreImportResultSchema) },
    ...errorResponses(400, 401, 403, 404, 409, 413),
  },
})

const importRoute = createRoute({
  method: 'post',
  path: '/evaluations/{evaluationId}/scores/import',
  tags,
  summary: '从 XLSX / CSV 导入一个分组的分数 Import a group’s scores from XLSX or CSV',
  description:
    '每行一个评估对象（「单位」列），每列一个指标或度量（表头为指标名称或标识，可带「(满分)」）；「无」表示不适用。有任何错误行则逐行报告且不导入任何数据；同一文件重复导入只生效一次。',
  ...secured(importScoresRoles),
  request: {
    params: EvaluationParams,
    body: { content: { 'multipart/form-data': { schema: ScoreImportFormSchema } }, required: true },
  },
  responses: {
    200: { description: 'Imported', ...json(ScoreImportResultSchema) },
    ...errorResponses(400, 401, 403, 404, 409, 413),
  },
})

/** Reads the multipart upload: the file and its group, or a 400 naming the missing field. */
async function uploadedSheet(form: Record<string, unknown>) {
  const file = form.file
  if (!(file instanceof File)) {
    throw new ValidationError({
      message: '请上传文件',
      issues: [{ path: 'file', message: 'a file is required' }],
    })
  }
  const groupId = typeof form.groupId === 'string' ? form.groupId : ''
  return {
    kind: 'sheet' as const,
    groupId,
    fileName: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
  }
}

export function scoreRoutes(deps: Services): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.openapi(listRoute, async (c) => {
    const input = { ...c.req.valid('param'), unitId: c.req.valid('query').unitId }
    return c.json({ scores: await listScores({ deps, actor: actorOf(c), input }) }, 200)
  })
  app.openapi(putRoute, async (c) => {
    const { expectedVersion, ...score } = c.req.valid('json')
    const input = { ...c.req.valid('param'), score, expectedVersion }
    return c.json(await putScore({ deps, actor: actorOf(c), input }), 200)
  })
  app.openapi(bulkRoute, async (c) => {
    const source = { kind: 'entries' as const, scores: c.req.valid('json').scores }
    const input = { ...c.req.valid('param'), source }
    return c.json(await importScores({ deps, actor: actorOf(c), input }), 200)
  })
  app.openapi(importRoute, async (c) => {
    const input = { ...c.req.valid('param'), source: await uploadedSheet(await c.req.parseBody()) }
    return c.json(await importScores({ deps, actor: actorOf(c), input }), 200)
  })
  return app
}
