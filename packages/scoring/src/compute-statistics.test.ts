import { describe, expect, it } from 'vitest'
import { computeStatistics } from './compute-statistics'
import { zhengzhou2016 } from './fixtures/zhengzhou-2016'
import { scoreEvaluation } from './score-evaluation'

describe('computeStatistics', () => {
  const result = scoreEvaluation({ scheme: zhengzhou2016.scheme, units: zhengzhou2016.units })
  const county = result.groups.find((group) => group.groupId === 'county')!

  it('gives count, mean, median, extremes and grade counts', () => {
    const statistics = computeStatistics({ groups: [county] })
    expect(statistics).toMatchObject({
      count: 11,
      median: 78.2,
      min: 65.48,
      max: 89.41,
      gradeCounts: { 优秀: 5 },
    })
    expect(statistics.mean).toBeCloseTo(837.71 / 11, 10)
    expect(statistics.changeOnPrevious).toBeNull()
  })

  it('gives the share of units rated good (≥ 80% of the maximum) per level-1 indicator', () => {
    const statistics = computeStatistics({ groups: [county], goodRatio: 0.8 })
    // 信息公开 ≥ 24 of 30: all but 管城回族区 23.49 and 金水区 22.77.
    expect(statistics.goodShares.信息公开).toBeCloseTo(9 / 11, 10)
    // 交流互动 ≥ 20 of 25: 新密市, 二七区, 中牟县, 登封市, 荥阳市, 新郑市, 管城回族区.
    expect(statistics.goodShares.交流互动).toBeCloseTo(7 / 11, 10)
  })

  it('handles an empty selection', () => {
    expect(computeStatistics({ groups: [] })).toMatchObject({ count: 0, mean: null, median: null })
  })
})
