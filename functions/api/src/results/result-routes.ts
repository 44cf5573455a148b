import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { EntityIdSchema } from '@pingce/core'
import type { AppEnv } from '../app-env'
import { actorOf } from '../http/actor-of'
import { errorResponses, json, secured } from '../http/error-responses'
import { validationHook } from '../http/validation-hook'
import type { Services } from '../services'
import { getUnitExplanation } from './get-unit-explanation'
import type { PublishedResultsCache } from './published-results-cache'
import { readResults, readResultsRoles } from './read-results'
import { ExplanationOutSchema, ResultParams, ResultQuery, ResultsSchema } from './result-schemas'

const tags = ['评估结果 Results']

const resultsRoute = createRoute({
  method: 'get',
  path: '/evaluations/{evaluationId}/results',
  tags,
  summary: '分组排名、等次、各指标得分与总分 Ranked results per group',
  ...secured(readResultsRoles),
  request: { params: ResultParams, query: ResultQuery },
  responses: {
    200: { description: 'Results', ...json(ResultsSchema) },
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

const explanationRoute = createRoute({
  method: 'get',
  path: '/evaluations/{evaluationId}/units/{unitId}/explanation',
  tags,
  summary: '单位得分说明：逐项输入、规则与得分 Why this total: inputs, rule and points per indicator',
  ...secured(readResultsRoles),
  request: {
    params: ResultParams.extend({
      unitId: EntityIdSchema.openapi({ param: { name: 'unitId', in: 'path' } }),
    }),
    query: ResultQuery.omit({ groupId: true }),
  },
  responses: {
    200: { description: 'Explanation', ...json(ExplanationOutSchema) },
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

const jsonHeaders = { 'content-type': 'application/json; charset=UTF-8', vary: 'Accept-Encoding' }

export function resultRoutes(
  deps: Services & { publishedResults: PublishedResultsCache },
): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.openapi(resultsRoute, async (c) => {
    const { preview, ...query } = c.req.valid('query')
    const actor = actorOf(c)
    const input = { ...c.req.valid('param'), ...query, isPreview: preview === 'true' }
    const results = await readResults({ deps, actor, input })
    const body = () => ({
      evaluationId: results.evaluation.evaluationId,
      revision: results.revision,
      status: results.status,
      groups: results.groups.map(({ explanations, ...group }) => group),
    })
    if (!results.isSharedView) return c.json(body(), 200)
    // Staff all see the same published table: serialise it once per revision and view.
    const key = `${actor.tenantId}/${input.evaluationId}/${results.revision}/${input.groupId ?? '*'}`
    const rendered = deps.publishedResults.rendered({ key, render: body })
    if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
      return c.body(rendered.gzip, 200, { ...jsonHeaders, 'content-encoding': 'gzip' }) as never
    }
    return c.body(rendered.text, 200, jsonHeaders) as never
  })
  app.openapi(explanationRoute, async (c) => {
    const { preview, ...query } = c.req.valid('query')
    const input = { ...c.req.valid('param'), ...query, isPreview: preview === 'true' }
    return c.json(await getUnitExplanation({ deps, actor: actorOf(c), input }), 200)
  })
  return app
}
