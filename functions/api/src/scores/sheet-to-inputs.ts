import { type FieldIssue, type Period, periodKey, type Unit, ValidationError } from '@pingce/core'
import type { SchemeInputKey } from '@pingce/scoring'
import { expandInput } from '../schemes/scheme-input-keys'
import type { Sheet } from './parse-sheet'
import type { ScoreInput } from './score-schemas'
import { isPeriodWithin, valueIssue } from './score-target'
import { excerpt } from './sheet-limits'

const unitColumns = ['单位', '单位名称', '评估对象', 'unit', 'unitId']
const periodColumns = ['期间', 'period']
/** What the published tables print for "not applicable". */
const notApplicable = new Set(['无', '无网站', '网站关停整改', '不适用', '-', '—', 'N/A', 'n/a'])

/** "信息公开 (30)" and "信息公开（30）" both name 信息公开: the maximum in brackets is decoration. */
const normalise = (header: string): string =>
  header
    .replace(/[（(][^)）]*[)）]\s*$/, '')
    .replace(/\s+/g, '')
    .toLowerCase()

/**
 * Turns an uploaded score sheet (one row per unit, one column per indicator or measure, as the
 * cities' own tables look) into score inputs for one group. Every bad cell is reported with its
 * row number and column; if there is any, nothing is returned.
 */
export function sheetToInputs(options: {
  sheet: Sheet
  units: Unit[]
  keys: SchemeInputKey[]
  /** The evaluation's period: a 期间 column must name a month or quarter inside it. */
  period: Period
}): ScoreInput[] {
  const { sheet, units, keys } = options
  const issues: FieldIssue[] = []
  const unitColumn = sheet.headers.find((header) => unitColumns.includes(header))
  if (!unitColumn) {
    throw new ValidationError({
      message: '表格缺少「单位」列',
      issues: [{ path: 'file.header', message: `needs one of the columns ${unitColumns.join(' / ')}` }],
    })
  }
  const periodColumn = sheet.headers.find((header) => periodColumns.includes(header))
  const keyByHeader = new Map<string, SchemeInputKey>()
  for (const header of sheet.headers) {
    if (header === unitColumn || header === periodColumn) continue
    const wanted = normalise(header)
    const match = keys.find(
      (key) =>
        normalise(key.key) === wanted ||
        normalise(key.label) === wanted ||
        key.aliases.some((a) => normalise(a) === wanted),
    )
    if (match) keyByHeader.set(header, match)
    else
      issues.push({
        path: `file.header.${header}`,
        message: 'not an indicator or measure of this group’s scheme',
      })
  }
  const unitByName = new Map<string, Unit>()
  for (const unit of units) {
    for (const name of [unit.unitId, unit.name, ...unit.aliases]) unitByName.set(normalise(name), unit)
  }

  const inputs: ScoreInput[] = []
  const seen = new Map<string, number>()
  for (const row of sheet.rows) {
    const unitName = row.cells[unitColumn] ?? ''
    const unit = unitByName.get(normalise(unitName))
    if (!unit) {
      issues.push({
        path: `rows.${row.rowNumber}.${unitColumn}`,
        message: `「${excerpt(unitName)}」不是本分组的评估对象 (unknown unit)`,
      })
      continue
    }
    const period = periodColumn ? row.cells[periodColumn] || undefined : undefined
    if (period !== undefined && periodColumn && !isPeriodWithin(period, options.period)) {
      issues.push({
        path: `rows.${row.rowNumber}.${periodColumn}`,
        message: `「${period.slice(0, 20)}」is not a month or quarter of ${periodKey(options.period)}`,
      })
      continue
    }
    const identity = `${unit.unitId}|${period ?? ''}`
    const firstRow = seen.get(identity)
    if (firstRow !== undefined) {
      issues.push({ path: `rows.${row.rowNumber}.${unitColumn}`, message: `duplicates row ${firstRow}` })
      continue
    }
    seen.set(identity, row.rowNumber)
    for (const [header, key] of keyByHeader) {
      const raw = (row.cells[header] ?? '').trim()
      if (raw === '') continue
      let value: number | null
      if (notApplicable.has(raw)) {
        if (!key.allowsNotApplicable) {
          issues.push({
            path: `rows.${row.rowNumber}.${header}`,
            message: `「${excerpt(raw)}」: this input cannot be not-applicable`,
          })
          continue
        }
        value = null
      } else {
        value = Number(raw.replace(/,/g, ''))
        if (!Number.isFinite(value)) {
          issues.push({
            path: `rows.${row.rowNumber}.${header}`,
            message: `「${excerpt(raw)}」is not a number`,
          })
          continue
        }
        const problem = valueIssue({ key, value })
        if (problem) {
          issues.push({ path: `rows.${row.rowNumber}.${header}`, message: problem })
          continue
        }
      }
      const input: ScoreInput = {
        unitId: unit.unitId,
        kind: key.kind,
        key: key.key,
        value,
        ...(period ? { period } : {}),
      }
      inputs.push(...expandInput({ input, keys }))
    }
  }
  if (sheet.rows.length === 0) issues.push({ path: 'file', message: 'no data rows' })
  if (issues.length > 0) {
    throw new ValidationError({ message: `导入失败：共 ${issues.length} 处错误，未导入任何数据`, issues })
  }
  return inputs
}
