import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  EntityIdSchema,
  EvaluationGroupSchema,
  EvaluationSchema,
  type EvaluationStore,
  NotFoundError,
  type OrgStore,
  PeriodSchema,
  type SchemeStore,
  transitionEvaluation,
  ValidationError,
} from '@pingce/core'
import { parseScheme } from '@pingce/scoring'
import type { AppEnv } from '../app-env'
import { auditEntryOf } from '../audit/audit-entry-of'
import { requireRole } from '../auth/require-role'
import { tenantOf } from '../auth/tenant-of'
import { computeEvaluationResults } from '../scoring/compute-evaluation-results'
import { validationHook } from '../validation-hook'
import { bearerSecurity, errorResponses } from './error-responses'

const EvaluationOutSchema = EvaluationSchema.openapi('Evaluation')
const CreateEvaluationSchema = z
  .object({
    evaluationId: EntityIdSchema,
    name: z.string().trim().min(1).max(100),
    period: PeriodSchema,
    groups: z.array(EvaluationGroupSchema).min(1),
    previousEvaluationId: EntityIdSchema.optional(),
    sourceEvaluationIds: z.array(EntityIdSchema).default([]),
  })
  .openapi('EvaluationCreate')
const TransitionSchema = z
  .object({
    action: z.enum(['submit-for-review', 'return-to-draft', 'publish', 're-evaluate']).openapi({
      description: '提交审核 / 退回修改 / 发布 / 复查复评',
    }),
    expectedVersion: z.number().int().positive(),
    reason: z.string().trim().max(500).optional(),
  })
  .openapi('EvaluationTransition')
const EvaluationParams = z.object({
  evaluationId: EntityIdSchema.openapi({ param: { name: 'evaluationId', in: 'path' } }),
})
const tags = ['评估 Evaluations']

/** The groups a stored scheme defines; a document that no longer parses defines none. */
function schemeGroupIds(document: unknown): string[] {
  try {
    return parseScheme({ document }).groups.map((group) => group.id)
  } catch {
    return []
  }
}

export interface EvaluationRouteDeps {
  evaluations: EvaluationStore
  schemes: SchemeStore
  org: OrgStore
  clock: () => Date
  newId: () => string
}

export function evaluationRoutes(deps: EvaluationRouteDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })

  app.openapi(
    createRoute({
      method: 'get',
      path: '/evaluations',
      tags,
      summary: '评估列表 List evaluations',
      security: bearerSecurity,
      middleware: [requireRole('admin', 'evaluator', 'supervisor', 'unit')] as const,
      responses: {
        200: {
          description: 'Evaluations in period order',
          content: {
            'application/json': { schema: z.object({ evaluations: z.array(EvaluationOutSchema) }) },
          },
        },
        ...errorResponses(401, 403),
      },
    }),
    async (c) => {
      const evaluations = await deps.evaluations.listEvaluations({ tenantId: tenantOf(c) })
      // Units see evaluations once something of them has been published.
      const visible =
        c.get('auth').role === 'unit'
          ? evaluations.filter((e) => e.status === 'published' || e.revision > 0)
          : evaluations
      return c.json({ evaluations: visible }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/evaluations',
      tags,
      summary: '新建评估（草稿）Create an evaluation (draft)',
      security: bearerSecurity,
      middleware: [requireRole('admin')] as const,
      request: {
        body: { content: { 'application/json': { schema: CreateEvaluationSchema } }, required: true },
      },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: EvaluationOutSchema } } },
        ...errorResponses(400, 401, 403, 409),
      },
    }),
    async (c) => {
      const body = c.req.valid('json')
      const tenantId = tenantOf(c)
      const issues: { path: string; message: string }[] = []
      await Promise.all(
        body.groups.map(async (group, index) => {
          const [groupFound, schemeFound] = await Promise.all([
            deps.org.getGroup({ tenantId, groupId: group.groupId }),
            deps.schemes.getVersion({ tenantId, schemeId: group.schemeId, version: group.schemeVersion }),
          ])
          if (!groupFound) issues.push({ path: `groups.${index}.groupId`, message: 'no such group' })
          if (!schemeFound) {
            issues.push({ path: `groups.${index}.schemeVersion`, message: 'no such scheme version' })
          } else if (!schemeGroupIds(schemeFound.document).includes(group.groupId)) {
            issues.push({ path: `groups.${index}.groupId`, message: 'the scheme has no group with this id' })
          }
        }),
      )
      for (const [field, id] of [
        ['previousEvaluationId', body.previousEvaluationId],
        ...body.sourceEvaluationIds.map((sourceId, index) => [`sourceEvaluationIds.${index}`, sourceId]),
      ] as [string, string | undefined][]) {
        if (id && !(await deps.evaluations.getEvaluation({ tenantId, evaluationId: id }))) {
          issues.push({ path: field, message: 'no such evaluation' })
        }
      }
      if (issues.length > 0) throw new ValidationError({ message: '评估设置有误', issues })
      const now = deps.clock().toISOString()
      const evaluation = EvaluationSchema.parse({
        ...body,
        status: 'draft',
        revision: 0,
        isIllustrative: false,
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
      const auth = c.get('auth')
      await deps.evaluations.createEvaluation({
        tenantId,
        evaluation,
        audit: auditEntryOf({
          auth,
          at: now,
          newId: deps.newId,
          action: 'evaluation.create',
          entityType: 'evaluation',
          entityId: evaluation.evaluationId,
          evaluationId: evaluation.evaluationId,
          after: evaluation,
        }),
      })
      return c.json(evaluation, 201)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/evaluations/{evaluationId}',
      tags,
      summary: '评估详情 Get an evaluation',
      security: bearerSecurity,
      middleware: [requireRole('admin', 'evaluator', 'supervisor', 'unit')] as const,
      request: { params: EvaluationParams },
      responses: {
        200: {
          description: 'The evaluation',
          content: { 'application/json': { schema: EvaluationOutSchema } },
        },
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => {
      const evaluation = await deps.evaluations.getEvaluation({
        tenantId: tenantOf(c),
        evaluationId: c.req.valid('param').evaluationId,
      })
      if (!evaluation) throw new NotFoundError({ message: '未找到该评估' })
      return c.json(evaluation, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/evaluations/{evaluationId}/transitions',
      tags,
      summary: '提交审核、退回、发布、复查复评 Submit, return, publish or re-evaluate',
      description:
        '发布时计算并保存不可变的成绩快照；复查复评新建修订版本并记录原因。Publishing stores an immutable snapshot of the results; a re-evaluation opens a new revision with its reason.',
      security: bearerSecurity,
      middleware: [requireRole('admin')] as const,
      request: {
        params: EvaluationParams,
        body: { content: { 'application/json': { schema: TransitionSchema } }, required: true },
      },
      responses: {
        200: {
          description: 'The evaluation after the action',
          content: { 'application/json': { schema: EvaluationOutSchema } },
        },
        ...errorResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const tenantId = tenantOf(c)
      const { evaluationId } = c.req.valid('param')
      const body = c.req.valid('json')
      const current = await deps.evaluations.getEvaluation({ tenantId, evaluationId })
      if (!current) throw new NotFoundError({ message: '未找到该评估' })
      const at = deps.clock().toISOString()
      const next = transitionEvaluation({ evaluation: current, action: body.action, reason: body.reason, at })
      const results =
        body.action === 'publish'
          ? (await computeEvaluationResults({ tenantId, evaluation: next, ...deps })).map((result) => ({
              groupId: result.groupId,
              revision: next.revision,
              computedAt: at,
              body: result,
            }))
          : []
      const auth = c.get('auth')
      const audit = auditEntryOf({
        auth,
        at,
        newId: deps.newId,
        action: `evaluation.${body.action}`,
        entityType: 'evaluation',
        entityId: evaluationId,
        evaluationId,
        before: { status: current.status, revision: current.revision, version: current.version },
        after: { status: next.status, revision: next.revision, version: next.version },
        reason: body.reason,
      })
      await deps.evaluations.updateEvaluation({
        tenantId,
        evaluation: next,
        expectedVersion: body.expectedVersion,
        audit,
        results,
      })
      return c.json(next, 200)
    },
  )

  return app
}
