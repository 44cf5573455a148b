import { describe, expect, it } from 'vitest'
import { zhengzhou2016 } from './fixtures/zhengzhou-2016'
import { parseScheme } from './parse-scheme'
import type { SchemeInput } from './scheme-schema'
import { SchemeValidationError } from './scheme-validation-error'

function scheme(tree: unknown[], extra: Partial<SchemeInput> = {}): unknown {
  return {
    id: 's',
    version: 1,
    name: 'test',
    measures: [{ id: '采用数', label: '采用数' }],
    trees: { main: tree },
    groups: [{ id: 'g', name: 'G', tree: 'main' }],
    ...extra,
  }
}

function issuesOf(document: unknown): { path: string; message: string }[] {
  try {
    parseScheme({ document })
  } catch (error) {
    expect(error).toBeInstanceOf(SchemeValidationError)
    expect((error as SchemeValidationError).code).toBe('scheme-invalid')
    return (error as SchemeValidationError).issues
  }
  throw new Error('expected the scheme to be rejected')
}

describe('parseScheme', () => {
  it('accepts the Zhengzhou and applies defaults', () => {
    const parsed = parseScheme({ document: zhengzhou2016.scheme })
    expect(parsed.decimals).toBe(2)
    expect(parsed.ties.policy).toBe('indicators')
  })

  it('rejects an imputation cycle, naming the indicators', () => {
    const issues = issuesOf(
      scheme([
        { id: 'A', label: '甲', max: 50, notApplicable: { policy: 'impute-ratio', from: 'B' } },
        { id: 'B', label: '乙', max: 50, notApplicable: { policy: 'impute-ratio', from: 'A' } },
      ]),
    )
    expect(issues.map((issue) => issue.message)).toContainEqual(
      expect.stringMatching(/reference cycle A → B → A/),
    )
  })

  it('rejects imputing from an own ancestor (a cycle through the sum)', () => {
    const issues = issuesOf(
      scheme([
        {
          id: 'P',
          label: '父',
          max: 10,
          children: [{ id: 'C', label: '子', max: 10, notApplicable: { policy: 'impute-ratio', from: 'P' } }],
        },
      ]),
    )
    expect(issues[0]!.message).toMatch(/cycle/)
  })

  it('rejects an unknown indicator reference', () => {
    const issues = issuesOf(
      scheme([{ id: 'A', label: '甲', max: 10, notApplicable: { policy: 'impute-ratio', from: 'Z' } }]),
    )
    expect(issues).toEqual([
      { path: 'trees.main.0.notApplicable.from', message: 'indicator A (甲): unknown indicator reference Z' },
    ])
  })

  it('rejects a negative maximum', () => {
    const issues = issuesOf(scheme([{ id: 'A', label: '甲', max: -5 }]))
    expect(issues).toEqual([
      {
        path: 'trees.main.0.max',
        message: 'indicator A (甲): maximum must be a non-negative number, got -5',
      },
    ])
  })

  it('rejects a formula naming a missing measure', () => {
    const issues = issuesOf(
      scheme([
        {
          id: '报送',
          label: '信息报送',
          max: 5,
          source: { kind: 'ratio-to-max', measure: '报送数', population: 'p' },
        },
      ]),
    )
    expect(issues[0]!.message).toBe('indicator 报送 (信息报送): formula names missing measure 报送数')
  })

  it("rejects children whose maxima do not add up to the parent's", () => {
    const issues = issuesOf(
      scheme([{ id: 'P', label: '父', max: 30, children: [{ id: 'C', label: '子', max: 20 }] }]),
    )
    expect(issues[0]!.message).toBe("indicator P (父): children's maxima add up to 20, not 30")
  })

  it('rejects unknown trees, populations and tie indicators, all at once', () => {
    const issues = issuesOf({
      ...(scheme([{ id: 'A', label: '甲', max: 10 }]) as object),
      groups: [{ id: 'g', name: 'G', tree: 'nope', populations: { p: ['h'] } }],
      ties: { policy: 'indicators', indicators: ['Q'] },
    })
    expect(issues.map((issue) => issue.message)).toEqual([
      'group g uses unknown tree nope',
      'population p of group g names unknown group h',
      'unknown indicator Q in tree main',
    ])
  })

  it('rejects a bonus item below level 1 and split shares that do not add up', () => {
    const issues = issuesOf(
      scheme([
        { id: 'P', label: '父', max: 10, children: [{ id: 'B', label: '加分', max: 10, role: 'bonus' }] },
        {
          id: 'S',
          label: '拆分',
          max: 10,
          split: [
            { id: 'a', label: 'a', share: 0.5 },
            { id: 'b', label: 'b', share: 0.4 },
          ],
        },
      ]),
    )
    expect(issues.map((issue) => issue.message)).toEqual([
      "indicator P (父): children's maxima add up to 0, not 10",
      'indicator B (加分): bonus items must be level-1 indicators',
      'indicator S (拆分): split shares add up to 0.9, not 1',
    ])
  })

  it('reports shape errors from zod with their path', () => {
    const issues = issuesOf({ id: 's', version: 0, name: 'x', trees: {}, groups: [] })
    expect(issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(['version', 'groups']))
  })
})
