import { notXlsx } from './sheet-limits'
import type { SheetTable } from './sheet-table'
import type { XmlVisitor } from './xlsx-xml'

/** A cell whose text is entry `index` of the shared strings, resolved once the sheet is read. */
export interface SharedCell {
  row: number
  column: number
  index: number
}

/** Excel's own bounds: 1,048,576 rows, 16,384 columns (XFD). */
const excelRows = 1_048_576
const excelColumns = 16_384

/** `XFD20000` → { column: 16384, row: 20000 }; undefined if it is not a cell reference. */
export function parseCellRef(ref: string): { column: number; row: number } | undefined {
  // By character codes rather than a regular expression: this runs once for every cell.
  let index = ref.charCodeAt(0) === 36 ? 1 : 0
  let column = 0
  for (let letters = 0; index < ref.length; index += 1, letters += 1) {
    const code = ref.charCodeAt(index) & ~32
    if (code < 65 || code > 90) break
    if (letters === 3) return undefined
    column = column * 26 + code - 64
  }
  if (ref.charCodeAt(index) === 36) index += 1
  let row = 0
  const digitsFrom = index
  for (; index < ref.length; index += 1) {
    const digit = ref.charCodeAt(index) - 48
    if (digit < 0 || digit > 9 || index - digitsFrom === 7) return undefined
    row = row * 10 + digit
  }
  if (column === 0 || index === digitsFrom || column > excelColumns || row < 1 || row > excelRows)
    return undefined
  return { column, row }
}

/** The text Excel shows for a cell's stored value; formulas count by their cached result. */
function displayText(type: string, value: string): string {
  switch (type) {
    case 'b':
      return value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : value
    case 'n': {
      if (value.trim() === '') return ''
      const number = Number(value)
      return Number.isFinite(number) ? String(number) : value
    }
    // 'e' (an error such as #DIV/0!, also a formula's cached result), 'str' (a formula's text
    // result), 'inlineStr', 'd' (an ISO date): the text as stored.
    default:
      return value
  }
}

/**
 * Reads `<sheetData>` of a worksheet into the table: visits the `<c>` elements present and
 * nothing else, checks the `<dimension>` the sheet declares before its first cell, and stops at
 * `</sheetData>`. Shared-string cells are collected to be resolved afterwards, so that only the
 * strings in use are kept.
 */
export function worksheetVisitor(options: { table: SheetTable }): XmlVisitor & { sharedCells: SharedCell[] } {
  const { table } = options
  const sharedCells: SharedCell[] = []
  let inSheetData = false
  let isDone = false
  let row = 0
  let nextColumn = 1
  let cell: { row: number; column: number; type: string } | undefined
  let value = ''
  let isCollecting = false
  let isInline = false
  let isPhonetic = false
  return {
    sharedCells,
    isDone: () => isDone,
    open(name, attributes) {
      if (name === 'dimension' && !inSheetData) {
        const [first, last] = (attributes.ref ?? '').split(':').map(parseCellRef)
        if (first) {
          const end = last ?? first
          table.checkDimension({ rows: end.row - first.row + 1, columns: end.column })
        }
      } else if (name === 'sheetData') inSheetData = true
      else if (!inSheetData) return
      else if (name === 'row') {
        row = attributes.r === undefined ? row + 1 : Number(attributes.r)
        if (!Number.isInteger(row) || row < 1 || row > excelRows)
          throw notXlsx(`bad row number ${attributes.r}`)
        nextColumn = 1
      } else if (name === 'c') {
        const ref = attributes.r === undefined ? undefined : parseCellRef(attributes.r)
        if (attributes.r !== undefined && !ref) throw notXlsx('bad cell reference')
        const place = ref ?? { row, column: nextColumn }
        nextColumn = place.column + 1
        table.place(place.row, place.column)
        cell = { row: place.row, column: place.column, type: attributes.t ?? 'n' }
        value = ''
      } else if (name === 'v' && cell) isCollecting = true
      else if (name === 'is' && cell) isInline = true
      else if (name === 'rPh') isPhonetic = true
      else if (name === 't' && isInline && !isPhonetic) isCollecting = true
    },
    text(text) {
      if (isCollecting) value += text
    },
    close(name) {
      if (name === 'v' || name === 't') isCollecting = false
      else if (name === 'rPh') isPhonetic = false
      else if (name === 'is') isInline = false
      else if (name === 'sheetData') isDone = true
      else if (name === 'c' && cell) {
        if (cell.type === 's') {
          const index = Number(value)
          if (!Number.isInteger(index) || index < 0) throw notXlsx('bad shared string index')
          sharedCells.push({ row: cell.row, column: cell.column, index })
        } else table.setText(cell.row, cell.column, displayText(cell.type, value))
        cell = undefined
      }
    },
    longText() {
      if (!cell) return notXlsx('a worksheet text longer than any cell')
      return table.cellTooLong({
        ...cell,
        text: value,
        found: table.limits.maxCellChars + 1,
        atLeast: true,
      })
    },
  }
}
