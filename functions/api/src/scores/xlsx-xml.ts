import { AppError } from '@pingce/core'
import { SaxesParser } from 'saxes'
import { notXlsx, type SheetLimits } from './sheet-limits'
import type { SheetPacer } from './sheet-pacer'
import { type InflateBudget, inflateEntry, type ZipEntry } from './xlsx-zip'

/** What a part's reader is told, element by element; names are local (`x:c` is `c`). */
export interface XmlVisitor {
  open(name: string, attributes: Record<string, string>): void
  close(name: string): void
  text(text: string): void
  /** True once the reader has what it needs: the rest of the part is not inflated. */
  isDone?(): boolean
  /** The refusal of a text run too long for any cell, given what the reader is in. */
  longText?(): Error
}

/**
 * Characters without a `<` that a part may hold in a row: far above any legal content (a
 * 32,767-character Excel cell written as numeric entities is about 330,000), and checked before
 * the chunk reaches the XML parser, which would otherwise gather megabytes of one text node.
 */
const maxTextRun = 512 * 1024
/** OOXML nests a few levels; a deep file only grows the parser's stack of open elements. */
const maxDepth = 64

const localName = (name: string): string => name.slice(name.indexOf(':') + 1)

/**
 * Streams one XML part of the zip through saxes: inflated in chunks, each chunk parsed, the pacer
 * consulted between chunks. Only the elements present are visited; nothing builds a document.
 */
export async function readXmlPart(options: {
  bytes: Uint8Array
  entry: ZipEntry
  budget: InflateBudget
  limits: SheetLimits
  pacer: SheetPacer
  visitor: XmlVisitor
}): Promise<void> {
  const { visitor, pacer, entry } = options
  const parser = new SaxesParser({ position: false })
  let depth = 0
  parser.on('opentag', (tag) => {
    depth += 1
    if (depth > maxDepth) throw notXlsx(`${entry.name} nests more than ${maxDepth} levels`)
    visitor.open(localName(tag.name), tag.attributes as Record<string, string>)
  })
  // saxes also closes a self-closing element.
  parser.on('closetag', (tag) => {
    visitor.close(localName(tag.name))
    depth -= 1
  })
  parser.on('text', (text) => visitor.text(text))
  parser.on('cdata', (text) => visitor.text(text))
  const decoder = new TextDecoder()
  let run = 0
  try {
    for await (const chunk of inflateEntry(options)) {
      const text = decoder.decode(chunk, { stream: true })
      const last = text.lastIndexOf('<')
      if (last < 0) run += text.length
      else {
        run += text.indexOf('<')
        if (run <= maxTextRun) run = text.length - 1 - last
      }
      if (run > maxTextRun) {
        // What precedes the run reaches the reader first: it names the cell the run is in.
        if (last >= 0) parser.write(text.slice(0, last))
        throw (
          visitor.longText?.() ?? notXlsx(`${entry.name} has a text of more than ${maxTextRun} characters`)
        )
      }
      parser.write(text)
      if (visitor.isDone?.()) return
      await pacer.pace()
    }
    parser.close()
  } catch (error) {
    if (error instanceof AppError) throw error
    throw notXlsx(`${entry.name}: ${(error as Error).message.split('\n')[0]}`)
  }
}
