import {
  type Evaluation,
  type PublishedGroup,
  periodKey,
  publishedRevision,
  type ScoreEntry,
  ValidationError,
} from '@pingce/core'
import {
  computeStatistics,
  type GroupResult as EngineGroupResult,
  parseScheme,
  reconcileTotals,
  type Scheme,
  ScoringInputError,
  scoreEvaluation,
  type UnitEntry,
  type UnitInput,
} from '@pingce/scoring'
import type { Services } from '../services'

const missingValue = { value: null, display: '', rule: 'not-applicable-zero' }

/** What computing results reads: the evaluation's scores, schemes, units and last period's results. */
export type ResultSources = Pick<Services, 'evaluations' | 'scores' | 'results' | 'schemes' | 'org'>

/** Last period's ranks: imported with the evaluation, or from the previous evaluation's publication. */
async function previousRanksOf(options: {
  deps: ResultSources
  tenantId: string
  evaluation: Evaluation
}): Promise<Record<string, number>> {
  const { deps, tenantId, evaluation } = options
  if (evaluation.previousRanks) return evaluation.previousRanks
  if (!evaluation.previousEvaluationId) return {}
  const previous = await deps.evaluations.getEvaluation({
    tenantId,
    evaluationId: evaluation.previousEvaluationId,
  })
  const revision = previous ? publishedRevision(previous) : undefined
  if (!previous || revision === undefined) return {}
  const snapshots = await deps.results.getPublished({
    tenantId,
    evaluationId: previous.evaluationId,
    revision,
  })
  return Object.fromEntries(
    snapshots.flatMap((snapshot) => snapshot.group.rows.map((row) => [row.unitId, row.rank] as const)),
  )
}

function toPublishedGroup(options: {
  group: EngineGroupResult
  schemeId: string
  schemeVersion: number
  explain: (unitId: string) => ReturnType<ReturnType<typeof scoreEvaluation>['explain']>
  printed: Map<string, number>
}): PublishedGroup {
  const { group } = options
  const reconciliation = reconcileTotals({
    groups: [group],
    printed: group.rows.flatMap((row) => {
      const total = options.printed.get(row.unitId)
      return total === undefined ? [] : [{ unitId: row.unitId, total }]
    }),
  })
  const flagged = new Map(reconciliation.mismatches.map((mismatch) => [mismatch.unitId, mismatch]))
  const statistics = computeStatistics({ groups: [group] })
  const levelOne = group.indicators.filter((indicator) => indicator.depth === 0)
  return {
    groupId: group.groupId,
    groupName: group.groupName,
    schemeId: options.schemeId,
    schemeVersion: options.schemeVersion,
    decimals: group.decimals,
    indicators: levelOne.map(({ id, label, max }) => ({ id, label, max })),
    rows: group.rows.map((row) => {
      const mismatch = flagged.get(row.unitId)
      return {
        unitId: row.unitId,
        unitName: row.unitName,
        rank: row.rank,
        isTied: row.isTied,
        total: row.total,
        displayTotal: row.displayTotal,
        grade: row.grade,
        isVetoed: row.isVetoed,
        previousRank: row.previousRank,
        movement: row.movement,
        // The table shows level-1 indicators; every level is in the unit's explanation.
        values: Object.fromEntries(
          levelOne.map((indicator) => [indicator.id, row.values[indicator.id] ?? missingValue]),
        ),
        ...(mismatch ? { reconciliation: { printed: mismatch.printed, computed: mismatch.computed } } : {}),
      }
    }),
    statistics: {
      count: statistics.count,
      mean: statistics.mean,
      median: statistics.median,
      gradeCounts: statistics.gradeCounts,
    },
    explanations: Object.fromEntries(
      group.rows.map((row) => {
        const explanation = options.explain(row.unitId)
        return [
          row.unitId,
          {
            unitId: explanation.unitId,
            unitName: explanation.unitName,
            total: explanation.total,
            displayTotal: explanation.displayTotal,
            lines: explanation.lines.map((line) => ({
              indicatorId: line.indicatorId,
              label: line.label,
              depth: line.depth,
              inputs: line.inputs,
              rule: line.rule,
              points: line.points,
              exactPoints: line.contribution,
            })),
            notes: explanation.notes,
          },
        ]
      }),
    ),
  }
}

/**
 * Scores an evaluation from its stored inputs: per scheme version, every group that uses it at
 * once (a reference population may span groups: Zhengzhou's development zones are measured
 * against the departments' maximum), monthly source evaluations rolled up as periods, last
 * period's ranks attached, printed totals reconciled, and every unit's explanation kept.
 */
export async function computeEvaluationResults(options: {
  deps: ResultSources
  tenantId: string
  evaluation: Evaluation
}): Promise<PublishedGroup[]> {
  const { deps, tenantId, evaluation } = options
  const sources = await Promise.all(
    evaluation.sourceEvaluationIds.map((evaluationId) =>
      deps.evaluations.getEvaluation({ tenantId, evaluationId }),
    ),
  )
  const [scores, previousRanks, ...sourceScores] = await Promise.all([
    deps.scores.listScores({ tenantId, evaluationId: evaluation.evaluationId }),
    previousRanksOf({ deps, tenantId, evaluation }),
    ...sources.map((source) =>
      source ? deps.scores.listScores({ tenantId, evaluationId: source.evaluationId }) : Promise.resolve([]),
    ),
  ])
  const entries: ScoreEntry[] = [
    ...scores,
    ...sourceScores.flatMap((list, index) => {
      const source = sources[index]
      return source
        ? list.map((entry) => ({ ...entry, period: entry.period ?? periodKey(source.period) }))
        : []
    }),
  ]
  const printed = new Map<string, number>()
  const entriesByUnit = new Map<string, UnitEntry[]>()
  for (const entry of entries) {
    if (entry.kind === 'printed-total') {
      if (entry.value !== null) printed.set(entry.unitId, entry.value)
      continue
    }
    const list = entriesByUnit.get(entry.unitId) ?? []
    list.push({
      kind: entry.kind,
      key: entry.key,
      period: entry.period,
      rater: entry.rater,
      value: entry.value,
    })
    entriesByUnit.set(entry.unitId, list)
  }

  const bySchemeVersion = new Map<string, typeof evaluation.groups>()
  for (const group of evaluation.groups) {
    const key = `${group.schemeId}@${group.schemeVersion}`
    bySchemeVersion.set(key, [...(bySchemeVersion.get(key) ?? []), group])
  }
  const results: PublishedGroup[] = []
  for (const groups of bySchemeVersion.values()) {
    const [first] = groups
    if (!first) continue
    const stored = await deps.schemes.getVersion({
      tenantId,
      schemeId: first.schemeId,
      version: first.schemeVersion,
    })
    if (!stored)
      throw new ValidationError({
        message: '评估引用的方案版本不存在',
        issues: [{ path: 'groups', message: 'no such scheme version' }],
      })
    const scheme: Scheme = parseScheme({ document: stored.document })
    const unitLists = await Promise.all(
      groups.map((group) => deps.org.listUnits({ tenantId, groupId: group.groupId })),
    )
    const units: UnitInput[] = unitLists.flat().map((unit) => ({
      id: unit.unitId,
      name: unit.name,
      groupId: unit.groupId,
      entries: entriesByUnit.get(unit.unitId) ?? [],
    }))
    let scored: ReturnType<typeof scoreEvaluation>
    try {
      scored = scoreEvaluation({ scheme, units, previousRanks })
    } catch (error) {
      if (error instanceof ScoringInputError) {
        throw new ValidationError({ message: '分数数据不能计算', issues: error.issues })
      }
      throw error
    }
    const wanted = new Set(groups.map((group) => group.groupId))
    for (const group of scored.groups) {
      if (!wanted.has(group.groupId)) continue
      results.push(
        toPublishedGroup({
          group,
          schemeId: first.schemeId,
          schemeVersion: first.schemeVersion,
          explain: scored.explain,
          printed,
        }),
      )
    }
  }
  const order = new Map(evaluation.groups.map((group, index) => [group.groupId, index]))
  return results.sort((a, b) => (order.get(a.groupId) ?? 0) - (order.get(b.groupId) ?? 0))
}
