import { constants, crc32, deflateRawSync } from 'node:zlib'

/** Test helpers: XLSX and CSV files built byte by byte, hostile ones included. */

export interface RawZipEntry {
  name: string
  /** The raw deflate stream. */
  deflated: Uint8Array
  /** The decompressed size the entry declares (a forged one, if the test wants). */
  size: number
  crc: number
}

export function deflatedEntry(name: string, content: string | Uint8Array): RawZipEntry {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content
  return { name, deflated: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) }
}

/** A zip of deflated entries, as Excel writes it (no data descriptors, no zip64). */
export function zipOf(entries: RawZipEntry[]): Uint8Array {
  const locals: Buffer[] = []
  const directory: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(entry.crc >>> 0, 14)
    local.writeUInt32LE(entry.deflated.length, 18)
    local.writeUInt32LE(entry.size, 22)
    local.writeUInt16LE(name.length, 26)
    locals.push(local, name, Buffer.from(entry.deflated))
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(entry.crc >>> 0, 16)
    central.writeUInt32LE(entry.deflated.length, 20)
    central.writeUInt32LE(entry.size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    directory.push(central, name)
    offset += 30 + name.length + entry.deflated.length
  }
  const directoryBytes = Buffer.concat(directory)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directoryBytes.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, directoryBytes, end]))
}

const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const relationships = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const packageRelationships = 'http://schemas.openxmlformats.org/package/2006/relationships'

export function worksheetXml(options: { dimension?: string; rows: string }): string {
  const dimension = options.dimension ? `<dimension ref="${options.dimension}"/>` : ''
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${main}">${dimension}<sheetData>${options.rows}</sheetData></worksheet>`
}

export function sharedStringsXml(items: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${main}" count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`
}

/** The parts of a minimal workbook around a given worksheet entry (and shared strings entry). */
export function xlsxOf(options: { sheet: RawZipEntry | string; sharedStrings?: string }): Uint8Array {
  const sheet =
    typeof options.sheet === 'string'
      ? deflatedEntry('xl/worksheets/sheet1.xml', options.sheet)
      : options.sheet
  const shared = options.sharedStrings
    ? `<Relationship Id="rId2" Type="${relationships}/sharedStrings" Target="sharedStrings.xml"/>`
    : ''
  return zipOf([
    deflatedEntry(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${options.sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}</Types>`,
    ),
    deflatedEntry(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${packageRelationships}"><Relationship Id="rId1" Type="${relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    deflatedEntry(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${relationships}"><sheets><sheet name="成绩" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    deflatedEntry(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${packageRelationships}"><Relationship Id="rId1" Type="${relationships}/worksheet" Target="worksheets/sheet1.xml"/>${shared}</Relationships>`,
    ),
    sheet,
    ...(options.sharedStrings ? [deflatedEntry('xl/sharedStrings.xml', options.sharedStrings)] : []),
  ])
}

export const inlineCell = (ref: string, text: string): string =>
  `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`
export const numberCell = (ref: string, value: number): string => `<c r="${ref}"><v>${value}</v></c>`

/**
 * A worksheet whose one cell holds `mebibytes` MiB of spaces, deflated to about 1 KiB per MiB
 * (600 MiB → 620 KB, the upload of issue 9), built in milliseconds: the first MiB is compressed
 * once, every further MiB is the same block compressed against a dictionary of spaces, which is
 * what precedes it in the stream. `declaredSize` forges the size the zip entry claims.
 */
export function whitespaceBombSheet(options: { mebibytes: number; declaredSize?: number }): RawZipEntry {
  const mebibyte = Buffer.alloc(1024 * 1024, 0x20)
  const prefix = Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`,
  )
  const suffix = Buffer.from('</t></is></c></row></sheetData></worksheet>')
  const dictionary = mebibyte.subarray(0, 32 * 1024)
  const sync = { level: 9, finishFlush: constants.Z_SYNC_FLUSH }
  const first = deflateRawSync(Buffer.concat([prefix, mebibyte]), sync)
  const next = deflateRawSync(mebibyte, { ...sync, dictionary })
  const last = deflateRawSync(suffix, { level: 9, dictionary })
  const parts = [first, ...Array.from({ length: options.mebibytes - 1 }, () => next), last]
  const size = prefix.length + options.mebibytes * mebibyte.length + suffix.length
  return {
    name: 'xl/worksheets/sheet1.xml',
    deflated: Buffer.concat(parts),
    size: options.declaredSize ?? size,
    crc: 0,
  }
}

/** Letters that do not compress much: a long cell that is not also a compression bomb. */
export function lettersOfLength(length: number): string {
  let seed = 9
  const codes = new Uint8Array(length)
  for (let index = 0; index < length; index += 1) {
    seed = (seed * 48_271) % 2_147_483_647
    codes[index] = 97 + (seed % 26)
  }
  return Buffer.from(codes).toString('latin1')
}

export const csvBytes = (text: string): Uint8Array => new TextEncoder().encode(text)
