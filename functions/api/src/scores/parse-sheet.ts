import { ValidationError } from '@pingce/core'
import { readCsv } from './sheet-csv'
import { type SheetLimits, sheetLimits } from './sheet-limits'
import { createSheetPacer } from './sheet-pacer'
import type { Sheet } from './sheet-table'
import { readXlsx } from './xlsx-read'

export type { Sheet, SheetRow } from './sheet-table'

/**
 * Reads the first worksheet of an XLSX file, or a CSV file (UTF-8, with or without BOM), into
 * header-keyed rows. Formula cells count by their cached result, as Excel shows them; an error
 * result is its text (`#DIV/0!`).
 *
 * A hostile file (a sheet that claims XFD20000, a zip that unpacks to gigabytes, a 4 MB cell) is
 * refused with a 400 or 413 that names the limit, in milliseconds: only cells present in the file
 * are visited, sizes and dimensions are checked before any loop, inflating is counted. Parsing is
 * streamed in slices of about 10 ms with the event loop turning in between, and stops at
 * `timeLimitMs`. Streaming rather than a worker thread: the Lambda bundle is one esbuild entry,
 * a worker would need its own, and a slice-by-slice parse already keeps other requests answered.
 */
export async function parseSheet(options: {
  bytes: Uint8Array
  fileName: string
  /** Tighter limits, for tests. */
  limits?: Partial<SheetLimits>
}): Promise<Sheet> {
  const limits = { ...sheetLimits, ...options.limits }
  const pacer = createSheetPacer({ timeLimitMs: limits.timeLimitMs })
  const name = options.fileName.toLowerCase()
  if (name.endsWith('.csv')) return readCsv({ bytes: options.bytes, limits, pacer })
  if (name.endsWith('.xlsx')) return readXlsx({ bytes: options.bytes, limits, pacer })
  throw new ValidationError({
    message: '仅支持 .xlsx 或 .csv 文件',
    issues: [{ path: 'file', message: 'must be .xlsx or .csv' }],
  })
}
