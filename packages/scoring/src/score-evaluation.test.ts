import { describe, expect, it } from 'vitest'
import type { SchemeInput } from './scheme-schema'
import { scoreEvaluation } from './score-evaluation'
import { ScoringInputError } from './scoring-input-error'
import type { UnitInput } from './unit-input'

/** National-2019-like: deductions from 100, a bonus gated at 80, a veto, a pass mark of 60. */
const national: SchemeInput = {
  id: 'national',
  version: 1,
  name: '全国政府网站抽查 (示例)',
  measures: [
    { id: 'brokenLinks', label: '不可用链接数', periods: 'sum' },
    { id: 'replies', label: '留言办理数', periods: 'sum' },
    { id: 'staleColumns', label: '更新不及时栏目数', periods: 'last' },
  ],
  trees: {
    main: [
      {
        id: 'links',
        label: '链接可用性',
        max: 5,
        source: { kind: 'deductions', measure: 'brokenLinks', pointsPerItem: 1, cap: 5 },
      },
      {
        id: 'replies',
        label: '互动回应',
        max: 10,
        source: { kind: 'ratio-to-target', measure: 'replies', target: 20 },
      },
      {
        id: 'columns',
        label: '栏目更新',
        max: 10,
        source: {
          kind: 'bands',
          measure: 'staleColumns',
          bands: [
            { min: 0, points: 10 },
            { min: 3, points: 5 },
            { min: 6, points: 0 },
          ],
        },
      },
      { id: 'content', label: '内容', max: 75, periods: 'mean' },
      { id: 'penalty', label: '扣分项', max: 20, role: 'deduction' },
      { id: 'bonus', label: '加分项', max: 10, role: 'bonus' },
    ],
  },
  groups: [{ id: 'g', name: '部门', tree: 'main' }],
  bonusGate: { above: 80 },
  vetoes: { grade: '不合格', checks: [{ id: 'homepageDown', label: '首页无法访问' }] },
  passMark: 60,
  ties: { policy: 'dense' },
  grades: {
    by: 'threshold',
    bands: [
      { grade: '优秀', min: 90 },
      { grade: '合格', min: 60 },
    ],
    otherwise: '不合格',
  },
}

function unit(id: string, entries: UnitInput['entries']): UnitInput {
  return { id, name: id, groupId: 'g', entries }
}

describe('scoreEvaluation: formulas, bonus, veto, grades', () => {
  const result = scoreEvaluation({
    scheme: national,
    previousRanks: { a: 3 },
    units: [
      unit('a', [
        { kind: 'measure', key: 'brokenLinks', period: '01', value: 2 },
        { kind: 'measure', key: 'brokenLinks', period: '02', value: 5 },
        { kind: 'measure', key: 'replies', value: 10 },
        { kind: 'measure', key: 'staleColumns', period: '01', value: 7 },
        { kind: 'measure', key: 'staleColumns', period: '02', value: 4 },
        { key: 'content', period: '01', value: 70 },
        { key: 'content', period: '02', value: 74 },
        { key: 'penalty', value: 2 },
        { key: 'bonus', value: 4 },
      ]),
      unit('b', [
        { kind: 'measure', key: 'brokenLinks', value: 0 },
        { kind: 'measure', key: 'replies', value: 40 },
        { kind: 'measure', key: 'staleColumns', value: 0 },
        { key: 'content', value: 60 },
        { key: 'bonus', value: 4 },
      ]),
      unit('c', [
        { kind: 'measure', key: 'brokenLinks', value: 0 },
        { kind: 'measure', key: 'replies', value: 40 },
        { kind: 'measure', key: 'staleColumns', value: 0 },
        { key: 'content', value: 75 },
        { kind: 'flag', key: 'homepageDown', value: 1 },
      ]),
    ],
  })
  const rows = new Map(result.groups[0]!.rows.map((row) => [row.unitId, row]))

  it('caps per-item deductions, rates against a target, bands the last period, means monthly scores', () => {
    const a = rows.get('a')!
    expect(a.values.links).toMatchObject({ value: 0, rule: 'derived' })
    expect(a.values.replies!.value).toBe(5)
    expect(a.values.columns!.value).toBe(5)
    expect(a.values.content!.value).toBe(72)
    // 0 + 5 + 5 + 72 − 2 = 80, not above 80: the bonus does not count.
    expect(a.total).toBe(80)
    expect(a.values.bonus!.rule).toBe('bonus-gated-out')
    expect(result.explain('a').notes.join()).toContain('加分项不计')
  })

  it('counts a bonus above the gate', () => {
    expect(rows.get('b')!.total).toBe(5 + 10 + 10 + 60 + 4)
    expect(rows.get('b')!.values.bonus!.rule).toBe('bonus')
  })

  it('fails a vetoed unit whatever its points, and still ranks it', () => {
    const c = rows.get('c')!
    expect(c).toMatchObject({ total: 100, isVetoed: true, grade: '不合格', isPassed: false, rank: 1 })
    const explanation = result.explain('c')
    expect(explanation.notes.join()).toContain('首页无法访问')
    expect(explanation.lines.at(-1)).toMatchObject({
      indicatorId: 'homepageDown',
      rule: 'vetoed',
      contribution: 0,
    })
  })

  it('grades by threshold, checks the pass mark and gives the movement', () => {
    expect(rows.get('b')).toMatchObject({ grade: '合格', isPassed: true })
    expect(rows.get('a')).toMatchObject({ rank: 3, previousRank: 3, movement: 0, grade: '合格' })
  })

  it('rejects inputs that do not fit the scheme, naming them', () => {
    expect(() =>
      scoreEvaluation({
        scheme: national,
        units: [{ id: 'x', groupId: 'g', entries: [{ key: 'nope', value: 1 }] }],
      }),
    ).toThrow(ScoringInputError)
    expect(() =>
      scoreEvaluation({ scheme: national, units: [{ id: 'x', groupId: 'zz', entries: [] }] }),
    ).toThrow(/unknown group zz/)
  })
})

describe('scoreEvaluation: raters, ties, quotas', () => {
  const scheme: SchemeInput = {
    id: 'raters',
    version: 1,
    name: '多方评价 (示例)',
    trees: {
      main: [
        {
          id: 'site',
          label: '网站测评',
          max: 100,
          raters: { combine: 'weighted', weights: { expert: 0.6, supervisor: 0.2, public: 0.2 }, trim: 0.2 },
        },
      ],
    },
    groups: [
      {
        id: 'g',
        name: '区',
        tree: 'main',
        grades: { by: 'quota', quotas: [{ grade: '优秀', topShare: 0.5 }] },
      },
    ],
    ties: { policy: 'competition' },
  }
  const raters = (values: number[], group: string) =>
    values.map((value, index) => ({ key: 'site', rater: `${group}:${index}`, value }))
  const result = scoreEvaluation({
    scheme,
    units: [
      unit('a', [
        ...raters([80, 82, 84, 86, 10], 'expert'),
        ...raters([90], 'supervisor'),
        ...raters([70, 72], 'public'),
      ]),
      unit('b', [{ key: 'site', value: 80 }]),
      unit('c', [{ key: 'site', value: 80 }]),
      unit('d', [{ key: 'site', value: 50 }]),
    ],
  })
  const rows = new Map(result.groups[0]!.rows.map((row) => [row.unitId, row]))

  it('weights rater groups after trimming each, and keeps the spread with outliers', () => {
    // experts trimmed 20% each end: 80, 82, 84 → 82; 0.6 × 82 + 0.2 × 90 + 0.2 × 71 = 81.4
    expect(rows.get('a')!.total).toBeCloseTo(81.4, 10)
    const line = result.explain('a').lines[0]!
    expect(line.inputs).toContain('expert n=5')
    expect(line.inputs).toContain('outliers expert:4')
  })

  it('ranks competition-style with tie flags and grades the top half', () => {
    expect(['a', 'b', 'c', 'd'].map((id) => rows.get(id)!.rank)).toEqual([1, 2, 2, 4])
    expect(rows.get('b')!.isTied).toBe(true)
    expect(['a', 'b', 'c', 'd'].map((id) => rows.get(id)!.grade)).toEqual(['优秀', '优秀', '优秀', null])
  })

  it('ranks dense (CSTC 并列) and by entry order when the scheme says so', () => {
    const dense = scoreEvaluation({
      scheme: { ...scheme, ties: { policy: 'dense' } },
      units: result.scored.groups[0]!.matrix.unitIds.map((id) =>
        unit(id, [{ key: 'site', value: id === 'a' ? 90 : id === 'd' ? 50 : 80 }]),
      ),
    })
    expect(dense.groups[0]!.rows.map((row) => row.rank)).toEqual([1, 2, 2, 3])
    const entry = scoreEvaluation({
      scheme: { ...scheme, ties: { policy: 'entry-order' } },
      units: [unit('c', [{ key: 'site', value: 80 }]), unit('b', [{ key: 'site', value: 80 }])],
    })
    expect(entry.groups[0]!.rows.map((row) => [row.unitId, row.rank, row.isTied])).toEqual([
      ['c', 1, false],
      ['b', 2, false],
    ])
  })
})
