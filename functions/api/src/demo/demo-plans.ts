import type { Unit } from '@pingce/core'
import {
  type EvaluationFixture,
  kaifeng2020,
  parseScheme,
  type UnitInput,
  zhengzhou2016,
} from '@pingce/scoring'
import { ankang2015, type IllustrativeCity, seededRandom, shanghai2016 } from './illustrative-cities'

/** What one demo city consists of, ready to be stored. */
export interface CityPlan {
  tenant: IllustrativeCity['tenant']
  evaluation: { evaluationId: string; name: string; year: number; isIllustrative: boolean }
  scheme: unknown
  groups: { groupId: string; name: string }[]
  units: (Unit & { entries: UnitInput['entries'] })[]
  previousRanks: Record<string, number>
  printedTotals: Record<string, number>
}

/** Zhengzhou and Kaifeng: the real schemes and the published inputs, units given short ascii ids. */
function fixturePlan(options: {
  fixture: EvaluationFixture
  tenant: CityPlan['tenant']
  evaluationId: string
  year: number
  prefix: string
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
    return {
      unitId,
      groupId: unit.groupId,
      name: unit.name ?? unit.id,
      aliases: [],
      websites: [],
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

export function demoPlans(): CityPlan[] {
  return [
    fixturePlan({
      fixture: zhengzhou2016,
      tenant: { tenantId: 'zhengzhou', name: '郑州市', divisionCode: '410100', tier: '省会' },
      evaluationId: 'zz-2016',
      year: 2016,
      prefix: 'zz',
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
