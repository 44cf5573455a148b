const POWERS = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000]
/** Relative distance from a half below which a value counts as exactly half (binary noise). */
const HALF_TOLERANCE = 1e-9

/**
 * Rounds half away from zero at `decimals`, treating values within a relative 1e-9 of a half as the
 * half they were meant to be: 1.005 is stored as 1.00499999999999989…, and 0.1 + 0.2 as
 * 0.30000000000000004; a circular prints 1.01 and 0.3. Sums of a few hundred float64 terms carry
 * errors near 1e-14 relative, far inside the tolerance, while real values never sit that close to a
 * half by accident at 2 decimals.
 *
 * @example roundPoints({ value: 1.005, decimals: 2 }) // 1.01
 */
export function roundPoints({ value, decimals }: { value: number; decimals: number }): number {
  if (!Number.isFinite(value)) return value
  const power = POWERS[decimals] ?? 10 ** decimals
  const scaled = Math.abs(value) * power
  const floor = Math.floor(scaled)
  const rounded = scaled - floor >= 0.5 - HALF_TOLERANCE * Math.max(1, scaled) ? floor + 1 : floor
  const result = rounded / power
  return value < 0 && result !== 0 ? -result : result
}
