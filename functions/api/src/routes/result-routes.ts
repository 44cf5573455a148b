import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  ConflictError,
  EntityIdSchema,
  type Evaluation,
  type EvaluationStore,
  ForbiddenError,
  NotFoundError,
  type OrgStore,
  publishedRevision,
  type SchemeStore,
} from '@pingce/core'
import type { Context } from 'hono'
import type { AppEnv } from '../app-env'
import { requireRole } from '../auth/require-role'
import { tenantOf } from '../auth/tenant-of'
import { computeEvaluationResults } from '../scoring/compute-evaluation-results'
import { ExplanationSchema, type GroupResult, GroupResultSchema } from '../scoring/group-result'
import type { PublishedResultsCache } from '../scoring/published-results-cache'
import { validationHook } from '../validation-hook'
import { bearerSecurity, errorResponses } from './error-responses'

const ResultsSchema = z
  .object({
    evaluationId: z.string(),
    revision: z.number().int(),
    status: z.enum(['published', 'preview']),
    groups: z.array(GroupResultSchema.omit({ explanations: true })),
  })
  .openapi('EvaluationResults')
const EvaluationParams = z.object({
  evaluationId: EntityIdSchema.openapi({ param: { name: 'evaluationId', in: 'path' } }),
})
const ResultQuery = z.object({
  groupId: EntityIdSchema.optional(),
  revision: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .openapi({ description: '已发布的修订版本；默认最新发布' }),
  preview: z.enum(['true', 'false']).optional().openapi({
    description: '评估人员、管理员、监督人员可预览未发布结果 staff may preview unpublished results',
  }),
})
const tags = ['评估结果 Results']

interface ResultDeps {
  evaluations: EvaluationStore
  schemes: SchemeStore
  org: OrgStore
  publishedResults: PublishedResultsCache
}

/**
 * Published results come from the immutable snapshot (two DynamoDB calls whatever the number of
 * units); a preview computes them from the current scores and is for staff only. A unit user sees
 * only its own row and explanation, and only once published.
 */
async function loadResults(
  c: Context<AppEnv>,
  deps: ResultDeps,
  query: z.infer<typeof ResultQuery>,
): Promise<{
  evaluation: Evaluation
  revision: number
  status: 'published' | 'preview'
  groups: GroupResult[]
}> {
  const tenantId = tenantOf(c)
  const auth = c.get('auth')
  const evaluationId = c.req.param('evaluationId') ?? ''
  const isPreview = query.preview === 'true'
  // A preview must see the scores as they are now; published results may come from the cache.
  const evaluation = isPreview
    ? await deps.evaluations.getEvaluation({ tenantId, evaluationId })
    : await deps.publishedResults.evaluation({ tenantId, evaluationId })
  if (!evaluation) throw new NotFoundError({ message: '未找到该评估' })
  let groups: GroupResult[]
  let revision: number
  let status: 'published' | 'preview'
  if (isPreview) {
    if (auth.role === 'unit') throw new ForbiddenError({ message: '评估对象只能查看已发布的结果' })
    groups = await computeEvaluationResults({ tenantId, evaluation, ...deps })
    revision = evaluation.revision
    status = 'preview'
  } else {
    const latest = publishedRevision(evaluation)
    revision = query.revision ?? latest ?? -1
    if (latest === undefined || revision > latest) {
      throw new ConflictError({ message: '该评估尚未发布结果', details: { status: evaluation.status } })
    }
    const snapshots = await deps.publishedResults.snapshots({
      tenantId,
      evaluationId: evaluation.evaluationId,
      revision,
    })
    const order = new Map(evaluation.groups.map((group, index) => [group.groupId, index]))
    groups = snapshots
      .map((snapshot) => snapshot.body as GroupResult)
      .sort((a, b) => (order.get(a.groupId) ?? 0) - (order.get(b.groupId) ?? 0))
    status = 'published'
  }
  if (query.groupId) groups = groups.filter((group) => group.groupId === query.groupId)
  if (auth.role === 'unit') {
    groups = groups
      .map((group) => ({
        ...group,
        rows: group.rows.filter((row) => row.unitId === auth.unitId),
        explanations: Object.fromEntries(
          Object.entries(group.explanations).filter(([unitId]) => unitId === auth.unitId),
        ),
      }))
      .filter((group) => group.rows.length > 0)
  }
  return { evaluation, revision, status, groups }
}

export function resultRoutes(deps: ResultDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })

  app.openapi(
    createRoute({
      method: 'get',
      path: '/evaluations/{evaluationId}/results',
      tags,
      summary: '分组排名、等次、各指标得分与总分 Ranked results per group',
      security: bearerSecurity,
      middleware: [requireRole('admin', 'evaluator', 'supervisor', 'unit')] as const,
      request: { params: EvaluationParams, query: ResultQuery },
      responses: {
        200: { description: 'Results', content: { 'application/json': { schema: ResultsSchema } } },
        ...errorResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const query = c.req.valid('query')
      const { evaluation, revision, status, groups } = await loadResults(c, deps, query)
      const body = () => ({
        evaluationId: evaluation.evaluationId,
        revision,
        status,
        groups: groups.map(({ explanations, ...group }) => group),
      })
      if (status === 'published' && c.get('auth').role !== 'unit') {
        // Staff all see the same published table: serialise it once per revision and view.
        const key = `${tenantOf(c)}/${evaluation.evaluationId}/${revision}/${query.groupId ?? '*'}`
        const rendered = deps.publishedResults.rendered({ key, render: body })
        const headers = { 'content-type': 'application/json; charset=UTF-8', vary: 'Accept-Encoding' }
        if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
          return c.body(rendered.gzip, 200, { ...headers, 'content-encoding': 'gzip' }) as never
        }
        return c.body(rendered.text, 200, headers) as never
      }
      return c.json(body(), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/evaluations/{evaluationId}/units/{unitId}/explanation',
      tags,
      summary: '单位得分说明：逐项输入、规则与得分 Why this total: inputs, rule and points per indicator',
      security: bearerSecurity,
      middleware: [requireRole('admin', 'evaluator', 'supervisor', 'unit')] as const,
      request: {
        params: EvaluationParams.extend({
          unitId: EntityIdSchema.openapi({ param: { name: 'unitId', in: 'path' } }),
        }),
        query: ResultQuery.omit({ groupId: true }),
      },
      responses: {
        200: { description: 'Explanation', content: { 'application/json': { schema: ExplanationSchema } } },
        ...errorResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const { unitId } = c.req.valid('param')
      const { groups } = await loadResults(c, deps, c.req.valid('query'))
      const explanation = groups
        .map((group) => group.explanations[unitId])
        .find((found) => found !== undefined)
      if (!explanation) throw new NotFoundError({ message: '未找到该单位的得分说明' })
      return c.json(explanation, 200)
    },
  )

  return app
}
