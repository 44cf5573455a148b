import { notXlsx, type SheetLimits } from './sheet-limits'
import type { SheetPacer } from './sheet-pacer'
import type { SheetTable } from './sheet-table'
import type { SharedCell } from './xlsx-worksheet'
import { readXmlPart } from './xlsx-xml'
import type { InflateBudget, ZipEntry } from './xlsx-zip'

/**
 * Gives the shared-string cells of a sheet their text. The strings part is read only up to the
 * last index in use, and only the strings in use are kept. A string is the text of its runs
 * (`<r><t>`), without the phonetic guide (`<rPh>`), as Excel shows it.
 */
export async function resolveSharedStrings(options: {
  bytes: Uint8Array
  entry: ZipEntry | undefined
  budget: InflateBudget
  limits: SheetLimits
  pacer: SheetPacer
  table: SheetTable
  cells: SharedCell[]
}): Promise<void> {
  const { cells, table, pacer } = options
  if (cells.length === 0) return
  if (!options.entry) throw notXlsx('shared strings are used but missing')
  const firstCellOf = new Map<number, SharedCell>()
  /** The header's strings by column: they name a cell refused before the strings reach the table. */
  const headerIndexOf = new Map<number, number>()
  let lastIndex = 0
  for (const cell of cells) {
    if (!firstCellOf.has(cell.index)) firstCellOf.set(cell.index, cell)
    if (cell.index > lastIndex) lastIndex = cell.index
    if (cell.row === table.firstRow) headerIndexOf.set(cell.column, cell.index)
  }
  const strings = new Map<number, string>()
  let index = -1
  let closed = 0
  let parts: string[] = []
  let isCollecting = false
  let isPhonetic = false
  await readXmlPart({
    ...options,
    entry: options.entry,
    visitor: {
      isDone: () => closed > lastIndex,
      open(name) {
        if (name === 'si') {
          index += 1
          parts = []
        } else if (name === 'rPh') isPhonetic = true
        else if (name === 't' && !isPhonetic) isCollecting = true
      },
      text(text) {
        if (isCollecting) parts.push(text)
      },
      close(name) {
        if (name === 't') isCollecting = false
        else if (name === 'rPh') isPhonetic = false
        else if (name === 'si') {
          closed += 1
          if (firstCellOf.has(index)) strings.set(index, parts.join(''))
        }
      },
      longText() {
        const cell = firstCellOf.get(index)
        if (!cell) return notXlsx('a shared string longer than any cell')
        const headerIndex = headerIndexOf.get(cell.column)
        return table.cellTooLong({
          ...cell,
          text: parts.join(''),
          found: table.limits.maxCellChars + 1,
          atLeast: true,
          header: headerIndex === undefined ? undefined : strings.get(headerIndex)?.trim(),
        })
      },
    },
  })
  for (const [position, cell] of cells.entries()) {
    if (position % 4_096 === 0) await pacer.pace()
    const text = strings.get(cell.index)
    if (text === undefined) throw notXlsx(`shared string ${cell.index} does not exist`)
    table.setText(cell.row, cell.column, text)
  }
}
