import {
  type AuditEntry,
  type Evaluation,
  type Role,
  ScoreEntrySchema,
  TenantRoleSchema,
  transitionEvaluation,
} from '@pingce/core'
import type { AppDeps } from '../app'
import { computeEvaluationResults } from '../scoring/compute-evaluation-results'
import { type CityPlan, demoPlans } from './demo-plans'

/** A demo account, printed at start and listed in the README. */
export interface DemoLogin {
  tenantId: string | undefined
  role: Role
  email: string
  password: string
  note: string
}

export const demoPassword = 'Pingce-Demo-2026'
const at = '2026-01-01T00:00:00.000Z'

function loginsOf(plan: CityPlan): DemoLogin[] {
  const id = plan.tenant.tenantId
  const firstUnit = plan.units[0]
  return [
    {
      tenantId: id,
      role: 'admin',
      email: `admin@${id}.pingce.demo`,
      password: demoPassword,
      note: `${plan.tenant.name} 电子政务办`,
    },
    {
      tenantId: id,
      role: 'evaluator',
      email: `evaluator@${id}.pingce.demo`,
      password: demoPassword,
      note: '评估人员',
    },
    {
      tenantId: id,
      role: 'supervisor',
      email: `supervisor@${id}.pingce.demo`,
      password: demoPassword,
      note: '监督人员',
    },
    {
      tenantId: id,
      role: 'unit',
      email: `unit@${id}.pingce.demo`,
      password: demoPassword,
      note: firstUnit?.name ?? '',
    },
  ]
}

export const operatorLogin: DemoLogin = {
  tenantId: undefined,
  role: 'platform-operator',
  email: 'operator@pingce.demo',
  password: demoPassword,
  note: '平台运营',
}

async function seedCity(deps: AppDeps, plan: CityPlan): Promise<void> {
  const tenantId = plan.tenant.tenantId
  const { auth, org, schemes, evaluations } = deps
  const audit = (action: string, evaluationId: string): AuditEntry => ({
    auditId: auth.newId(),
    at: auth.clock().toISOString(),
    actorId: 'demo',
    actorRole: 'admin',
    action,
    entityType: 'evaluation',
    entityId: evaluationId,
    evaluationId,
  })
  await auth.tenants.createTenant({ tenant: { ...plan.tenant, createdAt: at } })
  for (const [index, group] of plan.groups.entries()) {
    await org.putGroup({ tenantId, group: { ...group, sortOrder: index + 1 } })
  }
  for (let start = 0; start < plan.units.length; start += 100) {
    await org.putUnits({
      tenantId,
      units: plan.units.slice(start, start + 100).map(({ entries, ...unit }) => unit),
    })
  }
  for (const login of loginsOf(plan)) {
    const userId = `${login.role}-demo`
    const unitId = login.role === 'unit' ? plan.units[0]?.unitId : undefined
    await auth.identity.createIdentity({
      tenantId,
      userId,
      email: login.email,
      role: login.role,
      unitId,
      password: login.password,
    })
    await auth.users.putUser({
      tenantId,
      user: {
        userId,
        email: login.email,
        displayName: login.note,
        role: TenantRoleSchema.parse(login.role),
        ...(unitId ? { unitId } : {}),
        createdAt: at,
        createdBy: 'demo',
        isActive: true,
      },
    })
  }
  const schemeId = String((plan.scheme as { id: string }).id)
  await schemes.createVersion({
    tenantId,
    scheme: {
      schemeId,
      version: 1,
      name: String((plan.scheme as { name: string }).name),
      document: plan.scheme,
      createdAt: at,
      createdBy: 'demo',
    },
  })
  const { evaluationId } = plan.evaluation
  const draft: Evaluation = {
    evaluationId,
    name: plan.evaluation.name,
    period: { kind: 'year', year: plan.evaluation.year },
    groups: plan.groups.map((group) => ({ groupId: group.groupId, schemeId, schemeVersion: 1 })),
    ...(Object.keys(plan.previousRanks).length > 0 ? { previousRanks: plan.previousRanks } : {}),
    sourceEvaluationIds: [],
    status: 'draft',
    revision: 0,
    isIllustrative: plan.evaluation.isIllustrative,
    version: 1,
    createdAt: at,
    updatedAt: at,
  }
  await evaluations.createEvaluation({
    tenantId,
    evaluation: draft,
    audit: audit('evaluation.create', evaluationId),
  })
  const entries = plan.units.flatMap((unit) => [
    ...unit.entries.map((entry) => ({ ...entry, unitId: unit.unitId })),
    ...(plan.printedTotals[unit.unitId] === undefined
      ? []
      : [
          {
            unitId: unit.unitId,
            kind: 'printed-total' as const,
            key: 'total',
            value: plan.printedTotals[unit.unitId] ?? null,
          },
        ]),
  ])
  await evaluations.applyImport({
    tenantId,
    evaluationId,
    record: {
      importId: 'demo',
      fileName: 'demo',
      entryCount: entries.length,
      importedAt: at,
      importedBy: 'demo',
    },
    entries: entries.map((entry) =>
      ScoreEntrySchema.parse({ kind: 'score', ...entry, version: 1, updatedAt: at, updatedBy: 'demo' }),
    ),
    audit: audit('scores.import', evaluationId),
  })
  const inReview = transitionEvaluation({
    evaluation: draft,
    action: 'submit-for-review',
    reason: undefined,
    at,
  })
  await evaluations.updateEvaluation({
    tenantId,
    evaluation: inReview,
    expectedVersion: 1,
    audit: audit('evaluation.submit-for-review', evaluationId),
  })
  const published = transitionEvaluation({ evaluation: inReview, action: 'publish', reason: undefined, at })
  const results = await computeEvaluationResults({
    tenantId,
    evaluation: published,
    evaluations,
    schemes,
    org,
  })
  await evaluations.updateEvaluation({
    tenantId,
    evaluation: published,
    expectedVersion: inReview.version,
    audit: audit('evaluation.publish', evaluationId),
    results: results.map((result) => ({
      groupId: result.groupId,
      revision: 0,
      computedAt: at,
      body: result,
    })),
  })
}

/**
 * Loads the demo on the first local start: 郑州 2016 and 开封 2020 from their circulars (real
 * schemes and scores), 安康 2015 and 上海 2016 reconstructed (scores marked illustrative), one
 * login per role. On later starts it only returns the logins.
 */
export async function seedDemo(options: { deps: AppDeps }): Promise<{ isNew: boolean; logins: DemoLogin[] }> {
  const { deps } = options
  const plans = demoPlans()
  const logins = [operatorLogin, ...plans.flatMap(loginsOf)]
  if (await deps.auth.tenants.getTenant({ tenantId: 'zhengzhou' })) return { isNew: false, logins }
  await deps.auth.identity.createIdentity({
    tenantId: undefined,
    userId: 'operator-demo',
    email: operatorLogin.email,
    role: 'platform-operator',
    unitId: undefined,
    password: operatorLogin.password,
  })
  for (const plan of plans) await seedCity(deps, plan)
  return { isNew: true, logins }
}
