import type { Actor, Evaluation, Unit } from '@pingce/core'
import { type EvaluationFixture, parseScheme } from '@pingce/scoring'
import { changeEvaluationStatus } from '../src/evaluations/change-evaluation-status'
import { createEvaluation } from '../src/evaluations/create-evaluation'
import type { CreateEvaluation } from '../src/evaluations/evaluation-schemas'
import { publishEvaluation } from '../src/evaluations/publish-evaluation'
import { putGroup } from '../src/org/put-group'
import { putUnits } from '../src/org/put-units'
import { PublishedResultsCache } from '../src/results/published-results-cache'
import { createScheme } from '../src/schemes/create-scheme'
import { importScores } from '../src/scores/import-scores'
import type { ScoreInput } from '../src/scores/score-schemas'
import { actorOf } from './actors'
import { type TestDeps, testDeps } from './test-deps'

export type EvaluationTestDeps = TestDeps & { publishedResults: PublishedResultsCache }

/**
 * testDeps() with the published-results cache the results use cases read through. Its evaluation
 * time to live is 0 so that a test reads what it has just published, not a cached older state.
 */
export function evaluationTestDeps(): EvaluationTestDeps {
  const deps = testDeps()
  const publishedResults = new PublishedResultsCache({
    evaluations: deps.evaluations,
    results: deps.results,
    evaluationTtlMs: 0,
  })
  return { ...deps, publishedResults }
}

export const admin: Actor = actorOf({ role: 'admin' })
export const evaluator: Actor = actorOf({ role: 'evaluator' })
export const supervisor: Actor = actorOf({ role: 'supervisor' })
/** Admin of another tenant: must never see the first tenant's data. */
export const otherTenantAdmin: Actor = actorOf({ role: 'admin', tenantId: 'kaifeng' })
export const unitUser = (unitId: string): Actor => actorOf({ role: 'unit', unitId })

/**
 * A small scheme in the documented format (packages/scoring/docs/scheme-format.md), 100 points:
 * 信息公开 40 split 50/50 into content and format; 办事指南 20, 无 imputed at the 信息公开 ratio;
 * 互动交流 30; 信息报送 10 = 10 × 采用数 / the population's maximum (departments are measured
 * against counties and departments together); 优秀 at 90 or more.
 */
export const miniScheme = {
  id: 'mini',
  version: 1,
  name: '示例评估方案',
  decimals: 2,
  measures: [{ id: '采用数', label: '信息采用数', periods: 'sum' }],
  trees: {
    main: [
      {
        id: '信息公开',
        label: '政府信息公开',
        max: 40,
        periods: 'mean',
        split: [
          { id: '内容', label: '信息内容', share: 0.5 },
          { id: '格式', label: '格式规范', share: 0.5 },
        ],
      },
      {
        id: '办事指南',
        label: '办事指南',
        max: 20,
        notApplicable: { policy: 'impute-ratio', from: '信息公开' },
      },
      { id: '互动交流', label: '互动交流', max: 30 },
      {
        id: '信息报送',
        label: '信息报送',
        max: 10,
        source: { kind: 'ratio-to-max', measure: '采用数', population: '信息报送' },
        notApplicable: { policy: 'zero' },
      },
    ],
  },
  groups: [
    { id: 'county', name: '县（市、区）', tree: 'main' },
    { id: 'department', name: '市直部门', tree: 'main', populations: { 信息报送: ['county', 'department'] } },
  ],
  grades: { by: 'threshold', bands: [{ grade: '优秀', min: 90 }], otherwise: null },
} as const

const unitOf = (unitId: string, groupId: string, name: string, aliases: string[] = []): Unit => ({
  unitId,
  groupId,
  name,
  aliases,
  websites: [],
  newMediaAccounts: [],
})

/** Two counties, two departments, and a development zone that the mini evaluation leaves out. */
export const miniUnits: Unit[] = [
  unitOf('c01', 'county', '新密市', ['新密']),
  unitOf('c02', 'county', '荥阳市'),
  unitOf('d01', 'department', '审计局'),
  unitOf('d02', 'department', '统计局'),
  unitOf('z01', 'zone', '高新区'),
]

/**
 * Scores of the four units of the mini evaluation and the totals they give:
 * c01 36 + 18 + 27 + 10 = 91 (优秀); c02 30 + 无 → 15 + 24 + 5 = 74;
 * d01 32 + 16 + 20 + 2 = 70; d02 20 + 10 + 15 + 1 = 46 (信息报送 against the maximum 100 of c01).
 */
export const miniScores: ScoreInput[] = [
  { unitId: 'c01', kind: 'score', key: '信息公开', value: 36 },
  { unitId: 'c01', kind: 'score', key: '办事指南', value: 18 },
  { unitId: 'c01', kind: 'score', key: '互动交流', value: 27 },
  { unitId: 'c01', kind: 'measure', key: '采用数', value: 100 },
  { unitId: 'c02', kind: 'score', key: '信息公开', value: 30 },
  { unitId: 'c02', kind: 'score', key: '办事指南', value: null },
  { unitId: 'c02', kind: 'score', key: '互动交流', value: 24 },
  { unitId: 'c02', kind: 'measure', key: '采用数', value: 50 },
  { unitId: 'd01', kind: 'score', key: '信息公开.内容', value: 16 },
  { unitId: 'd01', kind: 'score', key: '信息公开.格式', value: 16 },
  { unitId: 'd01', kind: 'score', key: '办事指南', value: 16 },
  { unitId: 'd01', kind: 'score', key: '互动交流', value: 20 },
  { unitId: 'd01', kind: 'measure', key: '采用数', value: 20 },
  { unitId: 'd02', kind: 'score', key: '信息公开', value: 20 },
  { unitId: 'd02', kind: 'score', key: '办事指南', value: 10 },
  { unitId: 'd02', kind: 'score', key: '互动交流', value: 15 },
  { unitId: 'd02', kind: 'measure', key: '采用数', value: 10 },
]

/** Groups county, department and zone, the five units and scheme `mini` v1, set up by the admin. */
export async function setUpMiniOrg(options: { deps: EvaluationTestDeps; actor?: Actor }): Promise<void> {
  const { deps } = options
  const actor = options.actor ?? admin
  const groups = [
    { groupId: 'county', name: '县（市、区）' },
    { groupId: 'department', name: '市直部门' },
    { groupId: 'zone', name: '开发区' },
  ]
  for (const [index, group] of groups.entries()) {
    await putGroup({ deps, actor, input: { ...group, sortOrder: index + 1 } })
  }
  await putUnits({ deps, actor, input: { units: miniUnits } })
  await createScheme({
    deps,
    actor,
    input: { schemeId: 'mini', name: miniScheme.name, document: structuredClone(miniScheme) },
  })
}

/** What createEvaluation takes for the mini evaluation of 2020 (both groups on `mini` v1). */
export function miniEvaluationInput(overrides: Partial<CreateEvaluation> = {}): CreateEvaluation {
  return {
    evaluationId: 'e2020',
    name: '2020 年度政府网站绩效评估',
    period: { kind: 'year', year: 2020 },
    groups: [
      { groupId: 'county', schemeId: 'mini', schemeVersion: 1 },
      { groupId: 'department', schemeId: 'mini', schemeVersion: 1 },
    ],
    sourceEvaluationIds: [],
    isIllustrative: false,
    ...overrides,
  }
}

/** The mini org and a draft evaluation of it (`e2020` unless overridden). */
export async function setUpMiniEvaluation(options: {
  deps: EvaluationTestDeps
  actor?: Actor
  input?: Partial<CreateEvaluation>
}): Promise<Evaluation> {
  const { deps } = options
  const actor = options.actor ?? admin
  await setUpMiniOrg({ deps, actor })
  return createEvaluation({ deps, actor, input: miniEvaluationInput(options.input) })
}

/** Submits a draft for review and publishes it, as the admin does; returns the published evaluation. */
export async function submitAndPublish(options: {
  deps: EvaluationTestDeps
  evaluationId: string
  actor?: Actor
}): Promise<Evaluation> {
  const { deps, evaluationId } = options
  const actor = options.actor ?? admin
  const draft = await deps.evaluations.getEvaluation({ tenantId: actor.tenantId, evaluationId })
  const inReview = await changeEvaluationStatus({
    deps,
    actor,
    input: { evaluationId, action: 'submit-for-review', expectedVersion: draft?.version ?? 0 },
  })
  return publishEvaluation({ deps, actor, input: { evaluationId, expectedVersion: inReview.version } })
}

/** The mini evaluation with {@link miniScores} imported by the evaluator, submitted and published. */
export async function publishedMiniEvaluation(options: { deps: EvaluationTestDeps }): Promise<Evaluation> {
  const { deps } = options
  const draft = await setUpMiniEvaluation({ deps })
  await importScores({
    deps,
    actor: evaluator,
    input: { evaluationId: draft.evaluationId, source: { kind: 'entries', scores: miniScores } },
  })
  return submitAndPublish({ deps, evaluationId: draft.evaluationId })
}

/** A published fixture (Kaifeng 2020, Zhengzhou 2016) as a tenant stores it: ascii ids, score inputs. */
export interface FixturePlan {
  schemeId: string
  schemeName: string
  document: Record<string, unknown>
  groups: { groupId: string; name: string }[]
  units: Unit[]
  /** The fixture's entries and printed totals as score inputs. */
  scores: ScoreInput[]
  /** The fixture's unit id (its printed name) → the stored unit id. */
  unitIdOf: Map<string, string>
  printed: EvaluationFixture['printed']
}

/** Turns a fixture into groups, units with ids `<prefix>-<group><nn>`, and score inputs. */
export function fixturePlan(options: { fixture: EvaluationFixture; prefix: string }): FixturePlan {
  const { fixture, prefix } = options
  const scheme = parseScheme({ document: fixture.scheme })
  const unitIdOf = new Map<string, string>()
  const counters = new Map<string, number>()
  const units = fixture.units.map((unit) => {
    const groupIndex = scheme.groups.findIndex((group) => group.id === unit.groupId)
    const count = (counters.get(unit.groupId) ?? 0) + 1
    counters.set(unit.groupId, count)
    const unitId = `${prefix}-${groupIndex + 1}${String(count).padStart(2, '0')}`
    unitIdOf.set(unit.id, unitId)
    return unitOf(unitId, unit.groupId, unit.name ?? unit.id)
  })
  const scores: ScoreInput[] = [
    ...fixture.units.flatMap((unit) =>
      unit.entries.map(
        (entry): ScoreInput => ({
          unitId: unitIdOf.get(unit.id) ?? unit.id,
          kind: entry.kind ?? 'score',
          key: entry.key,
          value: entry.value,
          ...(entry.period ? { period: entry.period } : {}),
          ...(entry.rater ? { rater: entry.rater } : {}),
        }),
      ),
    ),
    ...fixture.printed.map(
      (row): ScoreInput => ({
        unitId: unitIdOf.get(row.unitId) ?? row.unitId,
        kind: 'printed-total',
        key: 'total',
        value: row.total,
      }),
    ),
  ]
  return {
    schemeId: scheme.id,
    schemeName: scheme.name,
    document: structuredClone(fixture.scheme) as Record<string, unknown>,
    groups: scheme.groups.map((group) => ({ groupId: group.id, name: group.name })),
    units,
    scores,
    unitIdOf,
    printed: fixture.printed,
  }
}

/** The fixture's groups, units and scheme, and a draft evaluation of every group on its version 1. */
export async function setUpFixtureEvaluation(options: {
  deps: EvaluationTestDeps
  actor: Actor
  plan: FixturePlan
  evaluationId: string
  year: number
}): Promise<Evaluation> {
  const { deps, actor, plan } = options
  for (const [index, group] of plan.groups.entries()) {
    await putGroup({ deps, actor, input: { ...group, sortOrder: index + 1 } })
  }
  await putUnits({ deps, actor, input: { units: plan.units } })
  await createScheme({
    deps,
    actor,
    input: { schemeId: plan.schemeId, name: plan.schemeName, document: plan.document },
  })
  return createEvaluation({
    deps,
    actor,
    input: {
      evaluationId: options.evaluationId,
      name: plan.schemeName.slice(0, 100),
      period: { kind: 'year', year: options.year },
      groups: plan.groups.map((group) => ({
        groupId: group.groupId,
        schemeId: plan.schemeId,
        schemeVersion: 1,
      })),
      sourceEvaluationIds: [],
      isIllustrative: false,
    },
  })
}
