import { createHash } from 'node:crypto'
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  type AuthContext,
  ConflictError,
  EntityIdSchema,
  type Evaluation,
  type EvaluationStore,
  NotFoundError,
  type OrgStore,
  type SchemeStore,
  type ScoreEntry,
  ScoreEntrySchema,
  scoreEntryId,
  ValidationError,
} from '@pingce/core'
import type { Context } from 'hono'
import type { AppEnv } from '../app-env'
import { auditEntryOf } from '../audit/audit-entry-of'
import { requireRole } from '../auth/require-role'
import { tenantOf } from '../auth/tenant-of'
import { parseSheet } from '../imports/parse-sheet'
import { assertScoreInputs, loadScoreTarget } from '../scores/check-score-inputs'
import { type ScoreInput, ScoreInputSchema } from '../scores/score-input'
import { sheetToInputs } from '../scores/sheet-to-inputs'
import { expandInput } from '../scoring/scheme-input-keys'
import { validationHook } from '../validation-hook'
import { bearerSecurity, errorResponses } from './error-responses'

const ScoreOutSchema = ScoreEntrySchema.openapi('Score')
const PutScoreSchema = ScoreInputSchema.extend({
  /** The version the evaluator saw; omitted when entering a score for the first time. */
  expectedVersion: z.number().int().positive().optional(),
}).openapi('ScorePut')
const ImportResultSchema = z
  .object({ importId: z.string(), entryCount: z.number().int(), alreadyApplied: z.boolean() })
  .openapi('ScoreImportResult')
const EvaluationParams = z.object({
  evaluationId: EntityIdSchema.openapi({ param: { name: 'evaluationId', in: 'path' } }),
})
const tags = ['分数 Scores']

export interface ScoreRouteDeps {
  evaluations: EvaluationStore
  schemes: SchemeStore
  org: OrgStore
  clock: () => Date
  newId: () => string
}

async function draftEvaluation(
  deps: ScoreRouteDeps,
  tenantId: string,
  evaluationId: string,
): Promise<Evaluation> {
  const evaluation = await deps.evaluations.getEvaluation({ tenantId, evaluationId })
  if (!evaluation) throw new NotFoundError({ message: '未找到该评估' })
  if (evaluation.status !== 'draft') {
    throw new ConflictError({
      message: '评估已提交审核或已发布，分数不能修改',
      details: { status: evaluation.status },
    })
  }
  return evaluation
}

function toEntries(inputs: ScoreInput[], auth: AuthContext, at: string): ScoreEntry[] {
  return inputs.map((input) =>
    ScoreEntrySchema.parse({ ...input, version: 1, updatedAt: at, updatedBy: auth.userId }),
  )
}

export function scoreRoutes(deps: ScoreRouteDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })

  const applyInputs = async (options: {
    c: Context<AppEnv>
    evaluation: Evaluation
    inputs: ScoreInput[]
    fingerprint: string
    fileName: string
  }) => {
    const { c, evaluation, inputs } = options
    const tenantId = tenantOf(c)
    const auth = c.get('auth')
    const at = deps.clock().toISOString()
    // The id is the content and its target: the same file imported twice applies once.
    const importId = createHash('sha256')
      .update(`${evaluation.evaluationId}\n${evaluation.revision}\n${options.fingerprint}`)
      .digest('hex')
      .slice(0, 32)
    const record = {
      importId,
      fileName: options.fileName,
      entryCount: inputs.length,
      importedAt: at,
      importedBy: auth.userId,
    }
    const { alreadyApplied } = await deps.evaluations.applyImport({
      tenantId,
      evaluationId: evaluation.evaluationId,
      record,
      entries: toEntries(inputs, auth, at),
      audit: auditEntryOf({
        auth,
        at,
        newId: deps.newId,
        action: 'scores.import',
        entityType: 'score-import',
        entityId: importId,
        evaluationId: evaluation.evaluationId,
        after: { fileName: options.fileName, entryCount: inputs.length },
      }),
    })
    return { importId, entryCount: inputs.length, alreadyApplied }
  }

  app.openapi(
    createRoute({
      method: 'get',
      path: '/evaluations/{evaluationId}/scores',
      tags,
      summary: '评估的全部分数 List the scores of an evaluation',
      security: bearerSecurity,
      middleware: [requireRole('admin', 'evaluator', 'supervisor')] as const,
      request: { params: EvaluationParams, query: z.object({ unitId: EntityIdSchema.optional() }) },
      responses: {
        200: {
          description: 'Scores',
          content: { 'application/json': { schema: z.object({ scores: z.array(ScoreOutSchema) }) } },
        },
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => {
      const tenantId = tenantOf(c)
      const { evaluationId } = c.req.valid('param')
      if (!(await deps.evaluations.getEvaluation({ tenantId, evaluationId })))
        throw new NotFoundError({ message: '未找到该评估' })
      const { unitId } = c.req.valid('query')
      const scores = await deps.evaluations.listScores({ tenantId, evaluationId })
      return c.json({ scores: unitId ? scores.filter((score) => score.unitId === unitId) : scores }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'put',
      path: '/evaluations/{evaluationId}/scores',
      tags,
      summary: '录入或修改一项分数（乐观锁）Enter or change one score (optimistic locking)',
      description:
        '首次录入不带 expectedVersion；修改时带上读取到的版本号，若他人已修改则返回 409 及当前值。Send the version you read; a concurrent change answers 409 with the current value.',
      security: bearerSecurity,
      middleware: [requireRole('admin', 'evaluator')] as const,
      request: {
        params: EvaluationParams,
        body: { content: { 'application/json': { schema: PutScoreSchema } }, required: true },
      },
      responses: {
        200: { description: 'Stored', content: { 'application/json': { schema: ScoreOutSchema } } },
        ...errorResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const tenantId = tenantOf(c)
      const { expectedVersion, ...input } = c.req.valid('json')
      const evaluation = await draftEvaluation(deps, tenantId, c.req.valid('param').evaluationId)
      const target = await loadScoreTarget({ tenantId, evaluation, org: deps.org, schemes: deps.schemes })
      assertScoreInputs({ inputs: [input], target, prefix: '' })
      const auth = c.get('auth')
      const at = deps.clock().toISOString()
      const before = await deps.evaluations.getScore({
        tenantId,
        evaluationId: evaluation.evaluationId,
        entryId: scoreEntryId(input),
      })
      if (before && expectedVersion === undefined) {
        throw new ConflictError({ message: '该分数已存在，请带上版本号修改', details: { current: before } })
      }
      const entry = ScoreEntrySchema.parse({
        ...input,
        version: (expectedVersion ?? 0) + 1,
        updatedAt: at,
        updatedBy: auth.userId,
      })
      await deps.evaluations.putScore({
        tenantId,
        evaluationId: evaluation.evaluationId,
        entry,
        expectedVersion,
        audit: auditEntryOf({
          auth,
          at,
          newId: deps.newId,
          action: 'score.put',
          entityType: 'score',
          entityId: scoreEntryId(entry),
          evaluationId: evaluation.evaluationId,
          before: before ?? null,
          after: entry,
        }),
      })
      return c.json(entry, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/evaluations/{evaluationId}/scores/bulk',
      tags,
      summary: '批量录入分数（全部成功或全部不生效，可重复提交）Bulk scores: all or nothing, idempotent',
      security: bearerSecurity,
      middleware: [requireRole('admin', 'evaluator')] as const,
      request: {
        params: EvaluationParams,
        body: {
          content: {
            'application/json': {
              schema: z.object({ scores: z.array(ScoreInputSchema).min(1).max(20_000) }),
            },
          },
          required: true,
        },
      },
      responses: {
        200: { description: 'Applied', content: { 'application/json': { schema: ImportResultSchema } } },
        ...errorResponses(400, 401, 403, 404, 409, 413),
      },
    }),
    async (c) => {
      const tenantId = tenantOf(c)
      const { scores } = c.req.valid('json')
      const evaluation = await draftEvaluation(deps, tenantId, c.req.valid('param').evaluationId)
      const target = await loadScoreTarget({ tenantId, evaluation, org: deps.org, schemes: deps.schemes })
      assertScoreInputs({ inputs: scores, target, prefix: 'scores.', allowWholes: true })
      const expanded = scores.flatMap((input) => {
        const groupId = target.unitsById.get(input.unitId)?.groupId ?? ''
        return expandInput({ input, keys: target.keysByGroup.get(groupId) ?? [] })
      })
      const result = await applyInputs({
        c,
        evaluation,
        inputs: expanded,
        fingerprint: JSON.stringify(scores),
        fileName: 'bulk.json',
      })
      return c.json(result, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/evaluations/{evaluationId}/scores/import',
      tags,
      summary: '从 XLSX / CSV 导入一个分组的分数 Import a group’s scores from XLSX or CSV',
      description:
        '每行一个评估对象（「单位」列），每列一个指标或度量（表头为指标名称或标识，可带「(满分)」）；「无」表示不适用。有任何错误行则逐行报告且不导入任何数据；同一文件重复导入只生效一次。',
      security: bearerSecurity,
      middleware: [requireRole('admin', 'evaluator')] as const,
      request: {
        params: EvaluationParams,
        body: {
          content: {
            'multipart/form-data': {
              schema: z.object({
                groupId: EntityIdSchema,
                file: z.any().openapi({ type: 'string', format: 'binary', description: '.xlsx 或 .csv' }),
              }),
            },
          },
          required: true,
        },
      },
      responses: {
        200: { description: 'Imported', content: { 'application/json': { schema: ImportResultSchema } } },
        ...errorResponses(400, 401, 403, 404, 409, 413),
      },
    }),
    async (c) => {
      const tenantId = tenantOf(c)
      const evaluation = await draftEvaluation(deps, tenantId, c.req.valid('param').evaluationId)
      const form = await c.req.parseBody()
      const file = form.file
      const groupId = typeof form.groupId === 'string' ? form.groupId : ''
      if (!(file instanceof File)) {
        throw new ValidationError({
          message: '请上传文件',
          issues: [{ path: 'file', message: 'a file is required' }],
        })
      }
      if (!evaluation.groups.some((group) => group.groupId === groupId)) {
        throw new ValidationError({
          message: '分组不属于该评估',
          issues: [{ path: 'groupId', message: 'not a group of this evaluation' }],
        })
      }
      const bytes = new Uint8Array(await file.arrayBuffer())
      const sheet = await parseSheet({ bytes, fileName: file.name })
      const target = await loadScoreTarget({ tenantId, evaluation, org: deps.org, schemes: deps.schemes })
      const units = [...target.unitsById.values()].filter((unit) => unit.groupId === groupId)
      const inputs = sheetToInputs({ sheet, units, keys: target.keysByGroup.get(groupId) ?? [] })
      const fingerprint = `${groupId}\n${createHash('sha256').update(bytes).digest('hex')}`
      return c.json(await applyInputs({ c, evaluation, inputs, fingerprint, fileName: file.name }), 200)
    },
  )

  return app
}
