import type { Period } from './evaluation'

/**
 * The one text form of a period: `2016` (year), `2016-Q3` (quarter), `2016-03` (month). It is the
 * `period` of monthly score entries that roll up into a yearly evaluation, and the sort key of
 * evaluations (a year sorts before its months, months before quarters).
 */
export function periodKey(period: Period): string {
  const { kind, year, index } = period
  if (kind === 'year') return String(year)
  if (kind === 'quarter') return `${year}-Q${index ?? 0}`
  return `${year}-${String(index ?? 0).padStart(2, '0')}`
}
