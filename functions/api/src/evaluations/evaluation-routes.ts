import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppEnv } from '../app-env'
import { actorOf } from '../http/actor-of'
import { errorResponses, json, secured } from '../http/error-responses'
import { validationHook } from '../http/validation-hook'
import type { Services } from '../services'
import { changeEvaluationStatus, changeEvaluationStatusRoles } from './change-evaluation-status'
import { createEvaluation, createEvaluationRoles } from './create-evaluation'
import {
  CreateEvaluationSchema,
  EvaluationOutSchema,
  EvaluationParams,
  TransitionSchema,
} from './evaluation-schemas'
import { getEvaluation } from './get-evaluation'
import { listEvaluations, readEvaluationRoles } from './list-evaluations'
import { publishEvaluation } from './publish-evaluation'
import { reEvaluateEvaluation } from './re-evaluate-evaluation'

const tags = ['评估 Evaluations']

const listRoute = createRoute({
  method: 'get',
  path: '/evaluations',
  tags,
  summary: '评估列表 List evaluations',
  ...secured(readEvaluationRoles),
  responses: {
    200: {
      description: 'Evaluations in period order',
      ...json(z.object({ evaluations: z.array(EvaluationOutSchema) })),
    },
    ...errorResponses(401, 403),
  },
})

const createEvaluationRoute = createRoute({
  method: 'post',
  path: '/evaluations',
  tags,
  summary: '新建评估（草稿）Create an evaluation (draft)',
  ...secured(createEvaluationRoles),
  request: { body: { ...json(CreateEvaluationSchema), required: true } },
  responses: {
    201: { description: 'Created', ...json(EvaluationOutSchema) },
    ...errorResponses(400, 401, 403, 409),
  },
})

const getRoute = createRoute({
  method: 'get',
  path: '/evaluations/{evaluationId}',
  tags,
  summary: '评估详情 Get an evaluation',
  ...secured(readEvaluationRoles),
  request: { params: EvaluationParams },
  responses: {
    200: { description: 'The evaluation', ...json(EvaluationOutSchema) },
    ...errorResponses(401, 403, 404),
  },
})

const transitionRoute = createRoute({
  method: 'post',
  path: '/evaluations/{evaluationId}/transitions',
  tags,
  summary: '提交审核、退回、发布、复查复评 Submit, return, publish or re-evaluate',
  description:
    '发布时计算并保存不可变的成绩快照；复查复评新建修订版本并记录原因。Publishing stores an immutable snapshot of the results; a re-evaluation opens a new revision with its reason.',
  ...secured(changeEvaluationStatusRoles),
  request: { params: EvaluationParams, body: { ...json(TransitionSchema), required: true } },
  responses: {
    200: { description: 'The evaluation after the action', ...json(EvaluationOutSchema) },
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

export function evaluationRoutes(deps: Services): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.openapi(listRoute, async (c) =>
    c.json({ evaluations: await listEvaluations({ deps, actor: actorOf(c) }) }, 200),
  )
  app.openapi(createEvaluationRoute, async (c) =>
    c.json(await createEvaluation({ deps, actor: actorOf(c), input: c.req.valid('json') }), 201),
  )
  app.openapi(getRoute, async (c) =>
    c.json(await getEvaluation({ deps, actor: actorOf(c), input: c.req.valid('param') }), 200),
  )
  app.openapi(transitionRoute, async (c) => {
    const { action, ...body } = c.req.valid('json')
    const input = { ...c.req.valid('param'), ...body }
    const actor = actorOf(c)
    // One use case per action: publishing computes the snapshot, re-evaluating opens a revision.
    if (action === 'publish') return c.json(await publishEvaluation({ deps, actor, input }), 200)
    if (action === 're-evaluate') return c.json(await reEvaluateEvaluation({ deps, actor, input }), 200)
    return c.json(await changeEvaluationStatus({ deps, actor, input: { ...input, action } }), 200)
  })
  return app
}
