import {
  type Actor,
  assertRole,
  type Evaluation,
  EvaluationSchema,
  type FieldIssue,
  ValidationError,
} from '@pingce/core'
import { parseScheme } from '@pingce/scoring'
import { auditEntryOf } from '../audit/audit-entry-of'
import type { Services } from '../services'
import type { CreateEvaluation } from './evaluation-schemas'

export const createEvaluationRoles = ['admin'] as const

/** The groups a stored scheme defines; a document that no longer parses defines none. */
function schemeGroupIds(document: unknown): string[] {
  try {
    return parseScheme({ document }).groups.map((group) => group.id)
  } catch {
    return []
  }
}

/** Every reference of the new evaluation that does not resolve, each naming its field. */
async function referenceIssues(options: {
  deps: Pick<Services, 'evaluations' | 'schemes' | 'org'>
  tenantId: string
  input: CreateEvaluation
}): Promise<FieldIssue[]> {
  const { deps, tenantId, input } = options
  const issues: FieldIssue[] = []
  await Promise.all(
    input.groups.map(async (group, index) => {
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
  const referenced: [string, string | undefined][] = [
    ['previousEvaluationId', input.previousEvaluationId],
    ...input.sourceEvaluationIds.map((id, index): [string, string] => [`sourceEvaluationIds.${index}`, id]),
  ]
  if (input.previousRanks) {
    const known = new Set((await deps.org.listUnits({ tenantId })).map((unit) => unit.unitId))
    for (const unitId of Object.keys(input.previousRanks)) {
      if (!known.has(unitId)) issues.push({ path: `previousRanks.${unitId}`, message: 'no such unit' })
    }
  }
  for (const [path, evaluationId] of referenced) {
    if (evaluationId && !(await deps.evaluations.getEvaluation({ tenantId, evaluationId }))) {
      issues.push({ path, message: 'no such evaluation' })
    }
  }
  return issues.sort((a, b) => a.path.localeCompare(b.path))
}

/**
 * Creates a draft evaluation: a period, per group the scheme version it is scored against (the
 * scheme must define that group), and optionally last period's evaluation or ranks and the
 * monthly evaluations that roll up into it. Every unresolved reference is reported at once.
 */
export async function createEvaluation(options: {
  deps: Pick<Services, 'evaluations' | 'schemes' | 'org' | 'clock' | 'newId'>
  actor: Actor
  input: CreateEvaluation
}): Promise<Evaluation> {
  const { deps, actor, input } = options
  assertRole({ actor, roles: createEvaluationRoles })
  const { tenantId } = actor
  const issues = await referenceIssues({ deps, tenantId, input })
  if (issues.length > 0) throw new ValidationError({ message: '评估设置有误', issues })
  const now = deps.clock().toISOString()
  const evaluation = EvaluationSchema.parse({
    ...input,
    status: 'draft',
    revision: 0,
    version: 1,
    createdAt: now,
    updatedAt: now,
  })
  await deps.evaluations.createEvaluation({
    tenantId,
    evaluation,
    audit: auditEntryOf({
      actor,
      at: now,
      newId: deps.newId,
      action: 'evaluation.create',
      entityType: 'evaluation',
      entityId: evaluation.evaluationId,
      evaluationId: evaluation.evaluationId,
      after: evaluation,
    }),
  })
  return evaluation
}
