import type { Actor, Role } from '@pingce/core'
import type { AppDeps } from '../app'
import { signUpTenant } from '../auth/sign-up-tenant'
import { changeEvaluationStatus } from '../evaluations/change-evaluation-status'
import { createEvaluation } from '../evaluations/create-evaluation'
import { publishEvaluation } from '../evaluations/publish-evaluation'
import { putGroup } from '../org/put-group'
import { putUnits } from '../org/put-units'
import { createScheme } from '../schemes/create-scheme'
import { importScores } from '../scores/import-scores'
import type { ScoreInput } from '../scores/score-schemas'
import { inviteUser } from '../users/invite-user'
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

/**
 * One demo city, loaded the way its people would: the office signs up, sets up groups, units and
 * staff, writes its scheme and evaluation; the evaluator imports the scores; the office submits
 * and publishes. Every step is the use case the API calls, so there is one publish flow.
 */
async function seedCity(deps: AppDeps, plan: CityPlan): Promise<void> {
  const tenantId = plan.tenant.tenantId
  const [adminLogin, ...staffLogins] = loginsOf(plan)
  if (!adminLogin) return
  const { admin: adminUser } = await signUpTenant({
    deps,
    tenant: plan.tenant,
    admin: { email: adminLogin.email, displayName: adminLogin.note, password: adminLogin.password },
  })
  const admin: Actor = { tenantId, userId: adminUser.userId, role: 'admin', unitId: undefined }
  for (const [index, group] of plan.groups.entries()) {
    await putGroup({ deps, actor: admin, input: { ...group, sortOrder: index + 1 } })
  }
  await putUnits({ deps, actor: admin, input: { units: plan.units.map(({ entries, ...unit }) => unit) } })
  let evaluatorId = ''
  for (const login of staffLogins) {
    const unitId = login.role === 'unit' ? plan.units[0]?.unitId : undefined
    const { user } = await inviteUser({
      deps,
      actor: admin,
      input: {
        email: login.email,
        displayName: login.note,
        role: login.role === 'unit' ? 'unit' : login.role === 'supervisor' ? 'supervisor' : 'evaluator',
        ...(unitId ? { unitId } : {}),
        temporaryPassword: login.password,
      },
    })
    if (login.role === 'evaluator') evaluatorId = user.userId
  }
  const schemeId = String((plan.scheme as { id: string }).id)
  const name = String((plan.scheme as { name: string }).name)
  await createScheme({
    deps,
    actor: admin,
    input: { schemeId, name, document: plan.scheme as Record<string, unknown> },
  })
  const { evaluationId } = plan.evaluation
  const draft = await createEvaluation({
    deps,
    actor: admin,
    input: {
      evaluationId,
      name: plan.evaluation.name,
      period: { kind: 'year', year: plan.evaluation.year },
      groups: plan.groups.map((group) => ({ groupId: group.groupId, schemeId, schemeVersion: 1 })),
      ...(Object.keys(plan.previousRanks).length > 0 ? { previousRanks: plan.previousRanks } : {}),
      sourceEvaluationIds: [],
      isIllustrative: plan.evaluation.isIllustrative,
    },
  })
  const scores: ScoreInput[] = plan.units.flatMap((unit) => {
    const printed = plan.printedTotals[unit.unitId]
    return [
      ...unit.entries.map(({ kind, ...entry }) => ({ ...entry, kind: kind ?? 'score', unitId: unit.unitId })),
      ...(printed === undefined
        ? []
        : [{ unitId: unit.unitId, kind: 'printed-total' as const, key: 'total', value: printed }]),
    ]
  })
  const evaluator: Actor = { tenantId, userId: evaluatorId, role: 'evaluator', unitId: undefined }
  await importScores({ deps, actor: evaluator, input: { evaluationId, source: { kind: 'entries', scores } } })
  const inReview = await changeEvaluationStatus({
    deps,
    actor: admin,
    input: { evaluationId, action: 'submit-for-review', expectedVersion: draft.version },
  })
  await publishEvaluation({ deps, actor: admin, input: { evaluationId, expectedVersion: inReview.version } })
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
  if (await deps.tenants.getTenant({ tenantId: 'zhengzhou' })) return { isNew: false, logins }
  await deps.identity.createIdentity({
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
