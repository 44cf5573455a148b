import { createInflateRaw } from 'node:zlib'
import { AppError } from '@pingce/core'
import {
  notXlsx,
  partLargerThanDeclared,
  partTooLarge,
  ratioTooHigh,
  type SheetLimits,
  tooManyZipEntries,
} from './sheet-limits'

/** One file of the zip, as its central directory declares it. */
export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  localHeaderOffset: number
}

/** The bytes of the parts read so far, against the total limit. */
export interface InflateBudget {
  used: number
}

const endOfDirectorySignature = 0x06054b50
const directorySignature = 0x02014b50
const localHeaderSignature = 0x04034b50
const stored = 0
const deflated = 8

/**
 * The entries of a zip from its central directory, read without inflating anything: the declared
 * sizes are checked before a byte is decompressed, and checked again while inflating (they can lie).
 * Zip64, encryption and multi-disk archives are refused: Excel writes none of them for a file
 * under the upload limit.
 */
export function readZipDirectory(options: { bytes: Uint8Array; limits: SheetLimits }): Map<string, ZipEntry> {
  const { bytes, limits } = options
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let end = -1
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 0xffff); offset -= 1) {
    if (view.getUint32(offset, true) === endOfDirectorySignature) {
      end = offset
      break
    }
  }
  if (end < 0) throw notXlsx('no zip end-of-directory record')
  const entryCount = view.getUint16(end + 10, true)
  const directoryOffset = view.getUint32(end + 16, true)
  if (entryCount === 0xffff || directoryOffset === 0xffffffff) throw notXlsx('zip64 is not supported')
  if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 8, true) !== entryCount)
    throw notXlsx('multi-disk zip')
  if (entryCount > limits.maxZipEntries)
    throw tooManyZipEntries({ max: limits.maxZipEntries, found: entryCount })
  const entries = new Map<string, ZipEntry>()
  const decoder = new TextDecoder()
  let offset = directoryOffset
  for (let index = 0; index < entryCount; index += 1) {
    if (offset + 46 > end || view.getUint32(offset, true) !== directorySignature)
      throw notXlsx('broken zip central directory')
    const flags = view.getUint16(offset + 8, true)
    if (flags & 1) throw notXlsx('encrypted zip entry')
    const nameLength = view.getUint16(offset + 28, true)
    const extraLength = view.getUint16(offset + 30, true)
    const commentLength = view.getUint16(offset + 32, true)
    if (offset + 46 + nameLength > end) throw notXlsx('broken zip central directory')
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
    }
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff)
      throw notXlsx('zip64 is not supported')
    entries.set(entry.name.replace(/^\//, '').toLowerCase(), entry)
    offset += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** Refuses a part by what its entry declares, before any of it is inflated. */
export function checkDeclaredSize(options: {
  entry: ZipEntry
  budget: InflateBudget
  limits: SheetLimits
}): void {
  const { entry, budget, limits } = options
  if (entry.size > limits.maxPartBytes)
    throw partTooLarge({
      part: entry.name,
      limit: 'maxPartBytes',
      max: limits.maxPartBytes,
      found: entry.size,
    })
  if (budget.used + entry.size > limits.maxTotalBytes)
    throw partTooLarge({
      part: entry.name,
      limit: 'maxTotalBytes',
      max: limits.maxTotalBytes,
      found: budget.used + entry.size,
    })
  const ratio = entry.size / entry.compressedSize
  if (entry.size > limits.ratioFloorBytes && ratio > limits.maxCompressionRatio)
    throw ratioTooHigh({ part: entry.name, max: limits.maxCompressionRatio, found: ratio })
}

/**
 * The decompressed bytes of one part, in chunks. Inflating runs in zlib on the thread pool, not
 * on the event loop (node:zlib rather than fflate: on a 19 MB sheet part, fflate's inflateSync
 * held the event loop 1.1 s, zlib's streaming inflate took 0.46 s off it, and it is no dependency); every chunk is counted, and the part is refused the moment it passes its
 * declared size (which `checkDeclaredSize` has held to the limits), so a forged size cannot make
 * it unpack further.
 */
export async function* inflateEntry(options: {
  bytes: Uint8Array
  entry: ZipEntry
  budget: InflateBudget
  limits: SheetLimits
}): AsyncGenerator<Uint8Array> {
  const { bytes, entry, budget } = options
  checkDeclaredSize(options)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const header = entry.localHeaderOffset
  if (header + 30 > bytes.length || view.getUint32(header, true) !== localHeaderSignature)
    throw notXlsx(`broken zip entry ${entry.name}`)
  const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true)
  if (start + entry.compressedSize > bytes.length) throw notXlsx(`truncated zip entry ${entry.name}`)
  const data = bytes.subarray(start, start + entry.compressedSize)
  budget.used += entry.size
  if (entry.method === stored) {
    if (entry.compressedSize !== entry.size) throw notXlsx(`broken zip entry ${entry.name}`)
    for (let offset = 0; offset < data.length; offset += 64 * 1024)
      yield data.subarray(offset, offset + 64 * 1024)
    return
  }
  if (entry.method !== deflated) throw notXlsx(`unsupported compression in ${entry.name}`)
  const inflater = createInflateRaw({ chunkSize: 64 * 1024 })
  inflater.end(data)
  let produced = 0
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      produced += chunk.length
      if (produced > entry.size) throw partLargerThanDeclared({ part: entry.name, declared: entry.size })
      yield chunk
    }
  } catch (error) {
    if (error instanceof AppError) throw error
    throw notXlsx(`corrupt deflate data in ${entry.name}`)
  } finally {
    inflater.destroy()
  }
  if (produced !== entry.size) throw notXlsx(`${entry.name} is shorter than declared`)
}
