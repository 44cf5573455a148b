import { combineRaters } from './combine-raters'
import type { CompiledGroup, CompiledScheme } from './compiled-scheme'
import type { RaterSpread, ScoreMatrix } from './score-matrix'
import { ScoringInputError } from './scoring-input-error'
import type { UnitInput } from './unit-input'

/**
 * Turns units and their entries into one columnar matrix per group (in the scheme's group order),
 * combining raters on the way. Unknown groups, indicators, measures and checks are rejected together.
 *
 * @example
 * const { matrices } = buildScoreMatrices({ compiled, units: [{ id: 'u1', groupId: 'E', entries: [
 *   { key: '交流互动', value: 24.75 }, { kind: 'measure', key: '采用数', value: 318 }] }] })
 */
export function buildScoreMatrices(options: { compiled: CompiledScheme; units: UnitInput[] }): {
  matrices: ScoreMatrix[]
} {
  const { compiled, units } = options
  const issues: { path: string; message: string }[] = []
  const byGroup = new Map<string, UnitInput[]>()
  for (const [index, unit] of units.entries()) {
    if (!compiled.groups.has(unit.groupId)) {
      issues.push({
        path: `units.${index}.groupId`,
        message: `unit ${unit.id}: unknown group ${unit.groupId}`,
      })
      continue
    }
    const list = byGroup.get(unit.groupId) ?? []
    list.push(unit)
    byGroup.set(unit.groupId, list)
  }
  const matrices: ScoreMatrix[] = []
  for (const group of compiled.groups.values()) {
    const members = byGroup.get(group.id)
    if (members) matrices.push(buildMatrix({ compiled, group, units: members, issues }))
  }
  if (issues.length > 0) throw new ScoringInputError({ issues })
  return { matrices }
}

function buildMatrix(options: {
  compiled: CompiledScheme
  group: CompiledGroup
  units: UnitInput[]
  issues: { path: string; message: string }[]
}): ScoreMatrix {
  const { compiled, group, units, issues } = options
  const tree = group.tree
  const columnByKey = new Map<string, number[]>()
  for (let node = 0; node < tree.nodeCount; node++) {
    const columns = leafColumnsUnder(tree.children, tree.inputColumn, node)
    if (columns.length > 0) columnByKey.set(tree.ids[node]!, columns)
  }
  const measureIndex = new Map(compiled.measureIds.map((id, index) => [id, index]))
  const vetoIndex = new Map(compiled.vetoIds.map((id, index) => [id, index]))
  const periodLabels = [
    ...new Set(units.flatMap((unit) => unit.entries.map((entry) => entry.period ?? ''))),
  ].sort()
  if (periodLabels.length === 0) periodLabels.push('')
  const periodIndex = new Map(periodLabels.map((label, index) => [label, index]))
  const periods = periodLabels.length
  const columns = tree.inputNodes.length
  const measureCount = compiled.measureIds.length
  const vetoCount = compiled.vetoIds.length
  const scores = new Float64Array(units.length * columns * periods).fill(Number.NaN)
  const measures = new Float64Array(units.length * measureCount * periods).fill(Number.NaN)
  const vetoes = new Uint8Array(units.length * vetoCount)
  const raterSpreads = new Map<string, RaterSpread[]>()
  for (const [unitIndex, unit] of units.entries()) {
    const rated = new Map<string, { rater: string; value: number }[]>()
    for (const entry of unit.entries) {
      const period = periodIndex.get(entry.period ?? '')!
      const kind = entry.kind ?? 'score'
      const where = `unit ${unit.id} (${group.id})`
      if (kind === 'measure') {
        const measure = measureIndex.get(entry.key)
        if (measure === undefined)
          issues.push({ path: `${unit.id}.${entry.key}`, message: `${where}: unknown measure ${entry.key}` })
        else measures[(unitIndex * measureCount + measure) * periods + period] = entry.value ?? Number.NaN
      } else if (kind === 'flag') {
        const check = vetoIndex.get(entry.key)
        if (check === undefined)
          issues.push({
            path: `${unit.id}.${entry.key}`,
            message: `${where}: unknown veto check ${entry.key}`,
          })
        else if (entry.value) vetoes[unitIndex * vetoCount + check] = 1
      } else {
        const target = columnByKey.get(entry.key)
        const isLeaf = target?.length === 1 && tree.ids[tree.inputNodes[target[0]!]!] === entry.key
        if (!target || (entry.value !== null && !isLeaf)) {
          issues.push({
            path: `${unit.id}.${entry.key}`,
            message: `${where}: ${entry.key} is not a scored indicator of tree ${tree.id}`,
          })
          continue
        }
        if (entry.value === null) {
          for (const column of target) scores[(unitIndex * columns + column) * periods + period] = Number.NaN
        } else if (entry.rater !== undefined) {
          const key = `${target[0]}:${period}`
          const list = rated.get(key) ?? []
          list.push({ rater: entry.rater, value: entry.value })
          rated.set(key, list)
        } else scores[(unitIndex * columns + target[0]!) * periods + period] = entry.value
      }
    }
    for (const [key, list] of rated) {
      const [column, period] = key.split(':').map(Number) as [number, number]
      const combined = combineRaters({ scores: list, raters: tree.raters[tree.inputNodes[column]!] })
      scores[(unitIndex * columns + column) * periods + period] = combined.value
      raterSpreads.set(`${unitIndex}:${column}:${period}`, combined.spreads)
    }
  }
  return {
    groupId: group.id,
    unitIds: units.map((unit) => unit.id),
    unitNames: units.map((unit) => unit.name ?? unit.id),
    periodLabels,
    scores,
    measures,
    vetoes,
    raterSpreads,
  }
}

function leafColumnsUnder(children: Int32Array[], inputColumn: Int32Array, node: number): number[] {
  const own = inputColumn[node]!
  if (own >= 0) return [own]
  return Array.from(children[node]!).flatMap((child) => leafColumnsUnder(children, inputColumn, child))
}
