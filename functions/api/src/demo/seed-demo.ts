import {
  type AuditEntry,
  type Evaluation,
  type Role,
  ScoreEntrySchema,
  TenantRoleSchema,
  transitionEvaluation,
  type Unit,
} from '@pingce/core'
import {
  type EvaluationFixture,
  kaifeng2020,
  parseScheme,
  type UnitInput,
  zhengzhou2016,
} from '@pingce/scoring'
import type { AppDeps } from '../app'
import { computeEvaluationResults } from '../scoring/compute-evaluation-results'
import { ankang2015, type IllustrativeCity, seededRandom, shanghai2016 } from './illustrative-cities'

/** A demo account, printed at start and listed in the README. */
export interface DemoLogin {
  tenantId: string | undefined
  role: Role
  email: string
  password: string
  note: string
}

interface CityPlan {
  tenant: IllustrativeCity['tenant']
  evaluation: { evaluationId: string; name: string; year: number; isIllustrative: boolean }
  scheme: unknown
  groups: { groupId: string; name: string }[]
  units: (Unit & { entries: UnitInput['entries'] })[]
  previousRanks: Record<string, number>
  printedTotals: Record<string, number>
}

export const demoPassword = 'Pingce-Demo-2026'
const at = '2026-01-01T00:00:00.000Z'

/** Zhengzhou and Kaifeng: the real schemes and the published inputs, units given short ascii ids. */
function fixturePlan(options: {
  fixture: EvaluationFixture
  tenant: CityPlan['tenant']
  evaluationId: string
  year: number
  prefix: string
  websites?: Map<string, { name: string; url: string }>
}): CityPlan {
  const { fixture } = options
  const scheme = parseScheme({ document: fixture.scheme })
  const idOf = new Map<string, string>()
  const counters = new Map<string, number>()
  const units = fixture.units.map((unit) => {
    const groupIndex = scheme.groups.findIndex((group) => group.id === unit.groupId)
    const count = (counters.get(unit.groupId) ?? 0) + 1
    counters.set(unit.groupId, count)
    const unitId = `${options.prefix}-${groupIndex + 1}${String(count).padStart(2, '0')}`
    idOf.set(unit.id, unitId)
    const site = options.websites?.get(unit.name ?? unit.id)
    return {
      unitId,
      groupId: unit.groupId,
      name: unit.name ?? unit.id,
      aliases: [],
      websites: site ? [{ name: site.name, url: site.url, status: 'active' as const }] : [],
      newMediaAccounts: [],
      entries: unit.entries,
    }
  })
  const mapKeys = (record: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(record).flatMap(([id, value]) => (idOf.has(id) ? [[idOf.get(id) ?? id, value]] : [])),
    )
  return {
    tenant: options.tenant,
    evaluation: {
      evaluationId: options.evaluationId,
      name: fixture.title,
      year: options.year,
      isIllustrative: false,
    },
    scheme: fixture.scheme,
    groups: scheme.groups.map((group) => ({ groupId: group.id, name: group.name })),
    units,
    previousRanks: mapKeys(fixture.previousRanks),
    printedTotals: mapKeys(Object.fromEntries(fixture.printed.map((row) => [row.unitId, row.total]))),
  }
}

function illustrativePlan(city: IllustrativeCity, seed: number): CityPlan {
  const random = seededRandom(seed)
  return {
    tenant: city.tenant,
    evaluation: { ...city.evaluation, isIllustrative: true },
    scheme: city.scheme,
    groups: city.groups.map(({ groupId, name }) => ({ groupId, name })),
    units: city.groups.flatMap((group) =>
      group.units.map((unit, index) => ({
        unitId: `${group.prefix}${String(index + 1).padStart(2, '0')}`,
        groupId: group.groupId,
        name: unit.name,
        aliases: [],
        websites: [],
        newMediaAccounts: [],
        entries: city.entriesFor({ unit, random }),
      })),
    ),
    previousRanks: {},
    printedTotals: {},
  }
}

function zhengzhouWebsites(): Map<string, { name: string; url: string }> {
  const published = zhengzhou2016 as EvaluationFixture & {
    sites?: { unit: string; name: string; url: string }[]
  }
  return new Map((published.sites ?? []).map((site) => [site.unit, { name: site.name, url: site.url }]))
}

export function demoPlans(): CityPlan[] {
  return [
    fixturePlan({
      fixture: zhengzhou2016,
      tenant: { tenantId: 'zhengzhou', name: '郑州市', divisionCode: '410100', tier: '省会' },
      evaluationId: 'zz-2016',
      year: 2016,
      prefix: 'zz',
      websites: zhengzhouWebsites(),
    }),
    fixturePlan({
      fixture: kaifeng2020,
      tenant: { tenantId: 'kaifeng', name: '开封市', divisionCode: '410200', tier: '地市' },
      evaluationId: 'kf-2020',
      year: 2020,
      prefix: 'kf',
    }),
    illustrativePlan(ankang2015, 2015),
    illustrativePlan(shanghai2016, 2016),
  ]
}

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
