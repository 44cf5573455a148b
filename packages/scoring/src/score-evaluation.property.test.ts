import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileScheme } from './compile-scheme'
import { zhengzhou2016 } from './fixtures/zhengzhou-2016'
import { scoreEvaluation } from './score-evaluation'
import type { UnitEntry, UnitInput } from './unit-input'

const compiled = compileScheme({ scheme: zhengzhou2016.scheme })
const GROUPS = ['county', 'zone', 'department', 'department-no-site']

/** Points at two decimals in [0, max], or 无 when `canBeMissing`. */
const points = (max: number, canBeMissing: boolean) => {
  const value = fc.integer({ min: 0, max: max * 100 }).map((hundredths) => hundredths / 100)
  return canBeMissing ? fc.option(value, { nil: null }) : value
}

const unitArbitrary = (id: string, bonusMax = 25) =>
  fc
    .record({
      groupId: fc.constantFrom(...GROUPS),
      信息公开: points(30, false),
      办事指南: points(10, true),
      便民服务: points(10, true),
      交流互动: points(bonusMax, true),
      门户网站建设: points(20, true),
      采用数: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
    })
    .map((record): UnitInput => {
      const entries: UnitEntry[] = []
      const split = (key: string, value: number | null, shares: [string, number][]) => {
        if (value === null) entries.push({ key, value: null })
        else for (const [part, share] of shares) entries.push({ key: `${key}.${part}`, value: value * share })
      }
      split('信息公开', record.信息公开, [
        ['内容', 0.5],
        ['格式', 0.5],
      ])
      split('办事指南', record.办事指南, [
        ['内容', 0.5],
        ['格式', 0.5],
      ])
      split('便民服务', record.便民服务, [
        ['内容', 0.5],
        ['格式', 0.5],
      ])
      entries.push({ key: '交流互动', value: record.交流互动 })
      split('门户网站建设', record.门户网站建设, [
        ['内容', 0.8],
        ['格式', 0.2],
      ])
      if (record.采用数 !== null) entries.push({ kind: 'measure', key: '采用数', value: record.采用数 })
      return { id, name: id, groupId: record.groupId, entries }
    })

const unitsArbitrary = (bonusMax?: number) =>
  fc
    .integer({ min: 1, max: 12 })
    .chain((count) =>
      fc.tuple(...Array.from({ length: count }, (_, index) => unitArbitrary(`u${index}`, bonusMax))),
    )

function byUnit(units: UnitInput[]) {
  const result = scoreEvaluation({ scheme: compiled, units })
  return new Map(
    result.groups.flatMap((group) =>
      group.rows.map((row) => [
        row.unitId,
        { total: row.total, rank: row.rank, grade: row.grade, isTied: row.isTied },
      ]),
    ),
  )
}

describe('scoring properties (Zhengzhou scheme, random units)', () => {
  it('permuting units changes nothing', () => {
    fc.assert(
      fc.property(
        unitsArbitrary().chain((units) =>
          fc.tuple(fc.constant(units), fc.shuffledSubarray(units, { minLength: units.length })),
        ),
        ([units, shuffled]) => {
          expect(byUnit(shuffled)).toEqual(byUnit(units))
        },
      ),
    )
  })

  it("raising one input never lowers that unit's total", () => {
    fc.assert(
      fc.property(
        unitsArbitrary(),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 500 }),
        (units, pick, entryPick, raise) => {
          const unit = units[pick % units.length]!
          const numeric = unit.entries.filter((entry) => entry.value !== null)
          if (numeric.length === 0) return
          const target = numeric[entryPick % numeric.length]!
          const raised = units.map((candidate) =>
            candidate !== unit
              ? candidate
              : {
                  ...candidate,
                  entries: candidate.entries.map((entry) =>
                    entry === target
                      ? { ...entry, value: entry.value! + (entry.kind === 'measure' ? raise : raise / 100) }
                      : entry,
                  ),
                },
          )
          expect(byUnit(raised).get(unit.id)!.total).toBeGreaterThanOrEqual(
            byUnit(units).get(unit.id)!.total - 1e-9,
          )
        },
      ),
    )
  })

  it('without bonus, a rescaled total stays within [0, 100]', () => {
    fc.assert(
      fc.property(unitsArbitrary(25), (units) => {
        for (const { total } of byUnit(units).values()) {
          expect(total).toBeGreaterThanOrEqual(0)
          expect(total).toBeLessThanOrEqual(100 + 1e-9)
        }
      }),
    )
  })

  it("contributions add up to the total, in every unit's explanation", () => {
    fc.assert(
      fc.property(unitsArbitrary(30), (units) => {
        const result = scoreEvaluation({ scheme: compiled, units })
        for (const unit of units) {
          const explanation = result.explain(unit.id)
          const level1 = explanation.lines.filter((line) => line.depth === 0)
          const sum = level1.reduce((total, line) => total + line.contribution, 0)
          expect(Math.abs(sum - explanation.total)).toBeLessThanOrEqual(1e-9)
          for (const line of level1.filter((candidate) => candidate.rule === 'sum')) {
            const children = explanation.lines.filter((child) =>
              child.indicatorId.startsWith(`${line.indicatorId}.`),
            )
            const childSum = children.reduce((total, child) => total + child.contribution, 0)
            expect(Math.abs(childSum - line.contribution)).toBeLessThanOrEqual(1e-9)
          }
        }
      }),
    )
  })
})
