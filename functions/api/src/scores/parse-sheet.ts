import { ValidationError } from '@pingce/core'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'

/** One data row of an uploaded sheet, with its 1-based row number as the user sees it in Excel. */
export interface SheetRow {
  rowNumber: number
  cells: Record<string, string>
}

export interface Sheet {
  headers: string[]
  rows: SheetRow[]
}

const maxRows = 20_000

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'object') {
    if ('result' in value && value.result !== undefined) return cellText(value.result as ExcelJS.CellValue)
    if ('richText' in value)
      return value.richText
        .map((part) => part.text)
        .join('')
        .trim()
    if ('text' in value) return String(value.text).trim()
  }
  return String(value).trim()
}

function toSheet(table: string[][], firstRowNumber: number): Sheet {
  const [headerRow, ...body] = table
  const headers = (headerRow ?? []).map((header) => header.trim())
  if (headers.length === 0 || headers.every((header) => header === '')) {
    throw new ValidationError({
      message: '表格为空或缺少表头',
      issues: [{ path: 'file', message: 'no header row' }],
    })
  }
  const duplicates = headers.filter((header, index) => header !== '' && headers.indexOf(header) !== index)
  if (duplicates.length > 0) {
    throw new ValidationError({
      message: '表头有重复列',
      issues: duplicates.map((header) => ({ path: `file.header.${header}`, message: 'duplicate column' })),
    })
  }
  if (body.length > maxRows) {
    throw new ValidationError({
      message: `表格超过 ${maxRows} 行`,
      issues: [{ path: 'file', message: 'too many rows' }],
    })
  }
  const rows: SheetRow[] = []
  body.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === '')) return
    const record: Record<string, string> = {}
    headers.forEach((header, column) => {
      if (header !== '') record[header] = (cells[column] ?? '').trim()
    })
    rows.push({ rowNumber: firstRowNumber + 1 + index, cells: record })
  })
  return { headers: headers.filter((header) => header !== ''), rows }
}

/**
 * Reads the first worksheet of an XLSX file, or a CSV file (UTF-8, with or without BOM), into
 * header-keyed rows. Formula cells count by their cached result, as Excel shows them.
 */
export async function parseSheet(options: { bytes: Uint8Array; fileName: string }): Promise<Sheet> {
  const name = options.fileName.toLowerCase()
  if (name.endsWith('.csv')) {
    let records: string[][]
    try {
      records = parse(Buffer.from(options.bytes), {
        bom: true,
        relax_column_count: true,
        skip_empty_lines: false,
      })
    } catch (error) {
      throw new ValidationError({
        message: 'CSV 文件无法解析',
        issues: [{ path: 'file', message: (error as Error).message.split('\n')[0] ?? 'unreadable' }],
      })
    }
    return toSheet(records, 1)
  }
  if (name.endsWith('.xlsx')) {
    const workbook = new ExcelJS.Workbook()
    try {
      await workbook.xlsx.load(Buffer.from(options.bytes) as unknown as ArrayBuffer)
    } catch {
      throw new ValidationError({
        message: 'XLSX 文件无法读取',
        issues: [{ path: 'file', message: 'not a valid .xlsx file' }],
      })
    }
    const worksheet = workbook.worksheets[0]
    if (!worksheet)
      throw new ValidationError({
        message: 'XLSX 文件没有工作表',
        issues: [{ path: 'file', message: 'no worksheet' }],
      })
    const table: string[][] = []
    let firstRowNumber = 1
    worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      if (table.length === 0) firstRowNumber = rowNumber
      const values: string[] = []
      for (let column = 1; column <= worksheet.columnCount; column += 1)
        values.push(cellText(row.getCell(column).value))
      table[rowNumber - firstRowNumber] = values
    })
    for (let i = 0; i < table.length; i += 1) table[i] ??= []
    return toSheet(table, firstRowNumber)
  }
  throw new ValidationError({
    message: '仅支持 .xlsx 或 .csv 文件',
    issues: [{ path: 'file', message: 'must be .xlsx or .csv' }],
  })
}
