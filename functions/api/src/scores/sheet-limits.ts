import { PayloadTooLargeError, ValidationError } from '@pingce/core'

/**
 * What an uploaded score sheet may be. A city's table is a few hundred units × at most a few dozen
 * indicators; these bounds are far above that and low enough that the worst file within them is
 * parsed in about a second, without holding the event loop (see parse-sheet.ts).
 */
export const sheetLimits = {
  /** Data rows below the header, counted over the used range (empty rows in between included). */
  maxDataRows: 20_000,
  maxColumns: 200,
  /** Cells present in the file, empty ones included: what bounds the parsing work. */
  maxCells: 1_000_000,
  maxCellChars: 1_000,
  /** Decompressed size of one XLSX part that is read, and of all read parts together. */
  maxPartBytes: 50 * 1024 * 1024,
  maxTotalBytes: 50 * 1024 * 1024,
  /**
   * Declared decompressed ÷ compressed size of a part above `ratioFloorBytes`. Sheet XML compresses
   * about 5–20×; a bomb of repeated bytes about 1,000×.
   */
  maxCompressionRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxZipEntries: 10_000,
  /** Wall-clock time for the whole parse, waits for other requests included. */
  timeLimitMs: 5_000,
} as const

export type SheetLimits = { [key in keyof typeof sheetLimits]: number }

/** How much of a user's text an error message repeats. */
const excerptChars = 50

/** The first 50 characters of a text, and … if there was more: what messages echo of a cell. */
export function excerpt(text: string): string {
  return text.length > excerptChars ? `${text.slice(0, excerptChars)}…` : text
}

/** The column letters of a 1-based column index, as Excel shows them (1 → A, 16384 → XFD). */
export function columnLetters(column: number): string {
  let letters = ''
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters
  return letters
}

function issuesOf(options: { message: string; issue: string; details: Record<string, unknown> }) {
  return {
    message: options.message,
    issues: [{ path: 'file', message: options.issue }],
    details: options.details,
  }
}

/** A 400: the file breaks a rule of its shape. */
function badFile(options: { message: string; issue: string; details: Record<string, unknown> }) {
  return new ValidationError(issuesOf(options))
}

/** A 413: the file is bigger, or takes longer, than a sheet may. */
function fileTooLarge(options: { message: string; issue: string; details: Record<string, unknown> }) {
  return new PayloadTooLargeError(issuesOf(options))
}

/** A number found, exact or (when the parse stopped at the first excess) a lower bound. */
function counted(found: number, atLeast = false): { zh: string; en: string } {
  return atLeast ? { zh: `至少 ${found}`, en: `at least ${found}` } : { zh: String(found), en: String(found) }
}

export function tooManyRows(options: { max: number; found: number; atLeast?: boolean }): ValidationError {
  const found = counted(options.found, options.atLeast)
  return badFile({
    message: `表格超过 ${options.max} 行数据上限（发现 ${found.zh} 行） (more than ${options.max} data rows: ${found.en})`,
    issue: `more than ${options.max} data rows (found ${found.en})`,
    details: { limit: 'maxDataRows', max: options.max, found: options.found },
  })
}

export function tooManyColumns(options: { max: number; found: number; atLeast?: boolean }): ValidationError {
  const found = counted(options.found, options.atLeast)
  return badFile({
    message: `表格超过 ${options.max} 列上限（发现 ${found.zh} 列） (more than ${options.max} columns: ${found.en})`,
    issue: `more than ${options.max} columns (found ${found.en})`,
    details: { limit: 'maxColumns', max: options.max, found: options.found },
  })
}

export function tooManyCells(options: { max: number; found: number }): ValidationError {
  return badFile({
    message: `表格超过 ${options.max} 个单元格上限（至少 ${options.found} 个） (more than ${options.max} cells: at least ${options.found})`,
    issue: `more than ${options.max} cells (found at least ${options.found})`,
    details: { limit: 'maxCells', max: options.max, found: options.found },
  })
}

/** A cell whose text is too long, named by its place; only its first characters are repeated. */
export function cellTooLong(options: {
  path: string
  cell: string
  max: number
  found: number
  atLeast?: boolean
  text: string
}): ValidationError {
  const found = counted(options.found, options.atLeast)
  const shown = options.text.trim() === '' ? '' : `：「${excerpt(options.text)}」`
  return new ValidationError({
    message: `单元格 ${options.cell} 的内容超过 ${options.max} 个字符上限（${found.zh} 个）${shown} (cell ${options.cell} is longer than ${options.max} characters: ${found.en})`,
    issues: [
      { path: options.path, message: `longer than ${options.max} characters (found ${found.en})${shown}` },
    ],
    details: { limit: 'maxCellChars', max: options.max, found: options.found },
  })
}

export function partTooLarge(options: {
  part: string
  limit: 'maxPartBytes' | 'maxTotalBytes'
  max: number
  found: number
}): PayloadTooLargeError {
  const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)
  const what = options.limit === 'maxPartBytes' ? options.part : `${options.part} 及已读部分合计`
  const whatEnglish = options.limit === 'maxPartBytes' ? options.part : `the parts read up to ${options.part}`
  return fileTooLarge({
    message: `XLSX 文件中 ${what} 解压后 ${mib(options.found)} MiB，超过 ${mib(options.max)} MiB 上限 (${whatEnglish} unpack to ${options.found} bytes, more than ${options.max})`,
    issue: `${whatEnglish} unpack to more than ${options.max} bytes (${options.limit}; found ${options.found})`,
    details: { limit: options.limit, max: options.max, found: options.found, part: options.part },
  })
}

export function ratioTooHigh(options: { part: string; max: number; found: number }): PayloadTooLargeError {
  const ratio = Number.isFinite(options.found) ? Math.round(options.found) : 'unbounded'
  return fileTooLarge({
    message: `XLSX 文件中 ${options.part} 的压缩比为 ${ratio}:1，超过 ${options.max}:1 上限，疑似压缩炸弹 (compression ratio ${ratio}:1 is more than ${options.max}:1)`,
    issue: `compression ratio of ${options.part} is more than ${options.max}:1 (maxCompressionRatio; found ${ratio}:1)`,
    details: { limit: 'maxCompressionRatio', max: options.max, found: ratio, part: options.part },
  })
}

/** A part that inflates past the size its zip entry declares: the declared sizes were forged. */
export function partLargerThanDeclared(options: { part: string; declared: number }): PayloadTooLargeError {
  return fileTooLarge({
    message: `XLSX 文件中 ${options.part} 解压后超过其声明的 ${options.declared} 字节，文件已损坏或被篡改 (${options.part} unpacks to more than its declared ${options.declared} bytes)`,
    issue: `${options.part} unpacks to more than its declared size of ${options.declared} bytes`,
    details: { limit: 'declaredSize', max: options.declared, part: options.part },
  })
}

export function tooManyZipEntries(options: { max: number; found: number }): PayloadTooLargeError {
  return fileTooLarge({
    message: `XLSX 文件含 ${options.found} 个部件，超过 ${options.max} 个上限 (${options.found} zip entries, more than ${options.max})`,
    issue: `more than ${options.max} zip entries (found ${options.found})`,
    details: { limit: 'maxZipEntries', max: options.max, found: options.found },
  })
}

export function parseTooSlow(options: { maxMs: number }): PayloadTooLargeError {
  return fileTooLarge({
    message: `表格解析超过 ${options.maxMs / 1000} 秒上限，请拆分或精简后重新上传 (parsing took longer than ${options.maxMs} ms)`,
    issue: `parsing took longer than ${options.maxMs} ms (timeLimitMs)`,
    details: { limit: 'timeLimitMs', max: options.maxMs },
  })
}

/** The one answer to a file that is not a readable XLSX: what was wrong goes to `details.reason`. */
export function notXlsx(reason: string): ValidationError {
  return new ValidationError({
    message: 'XLSX 文件无法读取',
    issues: [{ path: 'file', message: 'not a valid .xlsx file' }],
    details: { reason },
  })
}
