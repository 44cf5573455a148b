import { describe, expect, it } from 'vitest'
import { rankUnits } from './rank-units'

describe('rankUnits', () => {
  const totals = Float64Array.of(80, 90, 85, 85, 70)
  it('ranks competition: 1, 2, 2, 4', () => {
    expect(Array.from(rankUnits({ totals, policy: 'competition' }).ranks)).toEqual([4, 1, 2, 2, 5])
  })
  it('ranks dense: 1, 2, 2, 3', () => {
    expect(Array.from(rankUnits({ totals, policy: 'dense' }).ranks)).toEqual([3, 1, 2, 2, 4])
  })
  it('breaks ties by listed indicators, highest first', () => {
    const ranking = rankUnits({ totals, policy: 'indicators', tieKeys: [Float64Array.of(0, 0, 8.5, 11, 0)] })
    expect(Array.from(ranking.ranks)).toEqual([4, 1, 3, 2, 5])
    expect(Array.from(ranking.isTied)).toEqual([0, 0, 0, 0, 0])
  })
  it('keeps entry order', () => {
    expect(Array.from(rankUnits({ totals, policy: 'entry-order' }).ranks)).toEqual([4, 1, 2, 3, 5])
  })
})
