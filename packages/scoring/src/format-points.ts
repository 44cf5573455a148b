import { roundPoints } from './round-points'

/**
 * Points as printed: rounded by `roundPoints`, then with exactly `decimals` digits ("84.60").
 *
 * @example formatPoints({ value: 84.5961, decimals: 2 }) // '84.60'
 */
export function formatPoints({ value, decimals }: { value: number; decimals: number }): string {
  return roundPoints({ value, decimals }).toFixed(decimals)
}
