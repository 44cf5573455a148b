import type { GradeRule } from './scheme-schema'

/**
 * Grades one group: by thresholds on the presented total, or by quota on rank (units tied at the
 * quota's edge share the grade). A vetoed unit gets the veto grade whatever its points.
 *
 * @example
 * assignGrades({ rule: { by: 'threshold', bands: [{ grade: '优秀', min: 90 }], otherwise: null },
 *   totals: Float64Array.of(94.1, 89.2), ranks: Int32Array.of(1, 2) }) // ['优秀', null]
 */
export function assignGrades(options: {
  rule: GradeRule | undefined
  totals: Float64Array
  ranks: Int32Array
  vetoed?: Uint8Array
  vetoGrade?: string
}): (string | null)[] {
  const { rule, totals, ranks, vetoed, vetoGrade } = options
  const count = totals.length
  const grades = new Array<string | null>(count).fill(null)
  const bands = rule?.by === 'threshold' ? [...rule.bands].sort((a, b) => b.min - a.min) : []
  for (let unit = 0; unit < count; unit++) {
    if (vetoed?.[unit]) {
      grades[unit] = vetoGrade ?? null
      continue
    }
    if (!rule) continue
    if (rule.by === 'threshold') {
      const band = bands.find((candidate) => totals[unit]! >= candidate.min)
      grades[unit] = band ? band.grade : rule.otherwise
      continue
    }
    let lastRank = 0
    grades[unit] = rule.otherwise
    for (const quota of rule.quotas) {
      lastRank += quota.top ?? Math.floor((quota.topShare ?? 0) * count)
      if (ranks[unit]! <= lastRank) {
        grades[unit] = quota.grade
        break
      }
    }
  }
  return grades
}
