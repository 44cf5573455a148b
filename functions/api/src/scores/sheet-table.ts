import { ValidationError } from '@pingce/core'
import {
  cellTooLong,
  columnLetters,
  type SheetLimits,
  tooManyCells,
  tooManyColumns,
  tooManyRows,
} from './sheet-limits'
import type { SheetPacer } from './sheet-pacer'

/** One data row of an uploaded sheet, with its 1-based row number as the user sees it in Excel. */
export interface SheetRow {
  rowNumber: number
  /**
   * The row's non-empty cells under a header, trimmed, by header. A blank cell has no key: a row
   * costs what it holds, not the width of the header.
   */
  cells: Record<string, string>
}

export interface Sheet {
  headers: string[]
  rows: SheetRow[]
}

/**
 * The cells of a sheet as they are read, CSV or XLSX: only cells present in the file are ever
 * visited, and each one is checked against the limits when it arrives, so a file is refused at
 * its first excess. The first row with a cell is the header row; empty rows are dropped.
 */
export class SheetTable {
  private readonly texts = new Map<number, string[]>()
  private cellCount = 0
  /** The header row: the first row with a cell. */
  firstRow = Number.POSITIVE_INFINITY
  private lastRow = 0
  private lastColumn = 0

  constructor(readonly limits: SheetLimits) {}

  /** The sheet's declared size (an XLSX `<dimension>`), checked before any cell is read. */
  checkDimension(options: { rows: number; columns: number }): void {
    if (options.columns > this.limits.maxColumns)
      throw tooManyColumns({ max: this.limits.maxColumns, found: options.columns })
    if (options.rows - 1 > this.limits.maxDataRows)
      throw tooManyRows({ max: this.limits.maxDataRows, found: options.rows - 1 })
  }

  /** A cell present in the file, empty or not: it counts against the cells, columns and rows. */
  place(row: number, column: number): void {
    this.cellCount += 1
    if (this.cellCount > this.limits.maxCells)
      throw tooManyCells({ max: this.limits.maxCells, found: this.cellCount })
    if (column > this.limits.maxColumns)
      throw tooManyColumns({ max: this.limits.maxColumns, found: column, atLeast: true })
    if (column > this.lastColumn) this.lastColumn = column
    if (row < this.firstRow) this.firstRow = row
    if (row > this.lastRow) this.lastRow = row
    if (this.lastRow - this.firstRow > this.limits.maxDataRows)
      throw tooManyRows({ max: this.limits.maxDataRows, found: this.lastRow - this.firstRow, atLeast: true })
  }

  /** The text of a placed cell, trimmed; a text longer than a cell may hold is refused by its place. */
  setText(row: number, column: number, text: string): void {
    const trimmed = text.trim()
    if (trimmed.length > this.limits.maxCellChars) throw this.cellTooLong({ row, column, text: trimmed })
    if (trimmed === '') return
    let cells = this.texts.get(row)
    if (!cells) {
      cells = []
      this.texts.set(row, cells)
    }
    cells[column - 1] = trimmed
  }

  /** The refusal of a cell at (row, column) holding `found` or more characters, of which `text` are the first. */
  cellTooLong(options: {
    row: number
    column: number
    text: string
    found?: number
    atLeast?: boolean
    /** The column's header, when the table does not know it yet. */
    header?: string
  }): ValidationError {
    const letters = columnLetters(options.column)
    const header =
      options.row > this.firstRow
        ? (this.texts.get(this.firstRow)?.[options.column - 1] ?? options.header)
        : undefined
    return cellTooLong({
      path: `rows.${options.row}.${header ?? letters}`,
      cell: `${letters}${options.row}`,
      max: this.limits.maxCellChars,
      found: options.found ?? options.text.length,
      atLeast: options.atLeast,
      text: options.text,
    })
  }

  /** Header-keyed rows, as the import reads them; the header row must name its columns once each. */
  async toSheet(options: { pacer: SheetPacer }): Promise<Sheet> {
    const headerCells = this.texts.get(this.firstRow) ?? []
    const headers = Array.from({ length: this.lastColumn }, (_, index) => headerCells[index] ?? '')
    if (headers.every((header) => header === '')) {
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
    const rowNumbers = [...this.texts.keys()].filter((row) => row !== this.firstRow).sort((a, b) => a - b)
    const rows: SheetRow[] = []
    for (const [index, rowNumber] of rowNumbers.entries()) {
      if (index % 1_000 === 0) await options.pacer.pace()
      const record: Record<string, string> = {}
      // forEach skips the holes: only the cells present are visited.
      ;(this.texts.get(rowNumber) ?? []).forEach((text, column) => {
        const header = headers[column]
        if (header) record[header] = text
      })
      rows.push({ rowNumber, cells: record })
    }
    return { headers: headers.filter((header) => header !== ''), rows }
  }
}
