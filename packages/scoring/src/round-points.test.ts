import { describe, expect, it } from 'vitest'
import { formatPoints } from './format-points'
import { roundPoints } from './round-points'

describe('roundPoints', () => {
  it.each([
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [0.1 + 0.2, 2, 0.3],
    [84.59613, 2, 84.6],
    [-1.005, 2, -1.01],
    [82.945, 2, 82.95],
    [1.0049, 2, 1],
    [88.609, 1, 88.6],
    [0.5, 0, 1],
  ])('rounds %d at %d decimals to %d', (value, decimals, expected) => {
    expect(roundPoints({ value, decimals })).toBe(expected)
  })

  it('formats with exactly the decimals', () => {
    expect(formatPoints({ value: 84.6, decimals: 2 })).toBe('84.60')
    expect(formatPoints({ value: 0.1 + 0.2, decimals: 2 })).toBe('0.30')
  })
})
