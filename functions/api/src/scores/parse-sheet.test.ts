import { performance } from 'node:perf_hooks'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import {
  csvBytes,
  deflatedEntry,
  inlineCell,
  lettersOfLength,
  numberCell,
  sharedStringsXml,
  whitespaceBombSheet,
  worksheetXml,
  xlsxOf,
} from '../../test/sheet-test-files'
import { parseSheet } from './parse-sheet'

async function xlsx(rows: (string | number | null)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('成绩')
  for (const row of rows) sheet.addRow(row)
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

describe('parseSheet', () => {
  it('reads an XLSX sheet with Chinese headers, numbers and 无, skipping blank rows', async () => {
    const bytes = await xlsx([
      ['单位', '信息公开', '办事指南'],
      ['新密市', 26.14, 8.71],
      [null, null, null],
      ['审计局', 24.76, '无'],
    ])
    const sheet = await parseSheet({ bytes, fileName: '成绩.XLSX' })
    expect(sheet.headers).toEqual(['单位', '信息公开', '办事指南'])
    expect(sheet.rows).toEqual([
      { rowNumber: 2, cells: { 单位: '新密市', 信息公开: '26.14', 办事指南: '8.71' } },
      { rowNumber: 4, cells: { 单位: '审计局', 信息公开: '24.76', 办事指南: '无' } },
    ])
  })

  it('reads a UTF-8 CSV with BOM', async () => {
    const bytes = new TextEncoder().encode('\uFEFF单位,信息公开\n新密市,26.14\n')
    expect((await parseSheet({ bytes, fileName: 'a.csv' })).rows).toEqual([
      { rowNumber: 2, cells: { 单位: '新密市', 信息公开: '26.14' } },
    ])
  })

  it('names the problem with unsupported or broken files and duplicate headers', async () => {
    await expect(parseSheet({ bytes: new Uint8Array([1, 2]), fileName: 'a.xls' })).rejects.toMatchObject({
      status: 400,
      issues: [{ path: 'file', message: 'must be .xlsx or .csv' }],
    })
    await expect(parseSheet({ bytes: new Uint8Array([1, 2]), fileName: 'a.xlsx' })).rejects.toMatchObject({
      issues: [{ message: 'not a valid .xlsx file' }],
    })
    const bytes = new TextEncoder().encode('单位,信息公开,信息公开\n')
    await expect(parseSheet({ bytes, fileName: 'a.csv' })).rejects.toMatchObject({
      issues: [{ path: 'file.header.信息公开', message: 'duplicate column' }],
    })
  })
})

/** The refusal of a parse, and how long it took to come. */
async function refusalOf(parse: Promise<unknown>): Promise<{ error: Record<string, unknown>; ms: number }> {
  const startedAt = performance.now()
  try {
    await parse
  } catch (error) {
    return { error: error as Record<string, unknown>, ms: performance.now() - startedAt }
  }
  throw new Error('the file was accepted')
}

/** How often a 1 ms interval fired during a parse, and the longest gap between two firings. */
async function ticksDuring<T>(
  work: () => Promise<T>,
): Promise<{ result: T; ticks: number; longestGapMs: number }> {
  let ticks = 0
  let last = performance.now()
  let longestGapMs = 0
  const timer = setInterval(() => {
    const now = performance.now()
    longestGapMs = Math.max(longestGapMs, now - last)
    last = now
    ticks += 1
  }, 1)
  try {
    const result = await work()
    longestGapMs = Math.max(longestGapMs, performance.now() - last)
    return { result, ticks, longestGapMs }
  } finally {
    clearInterval(timer)
  }
}

describe('parseSheet reads what Excel writes', () => {
  it('reads shared strings (rich text without its phonetic guide), booleans, formula results and cells without a reference', async () => {
    const bytes = xlsxOf({
      sheet: worksheetXml({
        rows:
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c t="s"><v>2</v></c><c t="s"><v>3</v></c></row>' +
          '<row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3"><f>1/3</f><v>0.33333333333333331</v></c>' +
          '<c r="C3" t="b"><v>1</v></c><c r="D3" t="str"><f>"x"&amp;"y"</f><v>xy</v></c></row>',
      }),
      sharedStrings: sharedStringsXml([
        '<si><t>单位</t></si>',
        '<si><t>信息公开</t></si>',
        '<si><t>合格</t></si>',
        '<si><t>说明</t></si>',
        '<si><r><t>新</t></r><r><rPr><b/></rPr><t>密市</t></r><rPh sb="0" eb="1"><t>しん</t></rPh></si>',
      ]),
    })
    const sheet = await parseSheet({ bytes, fileName: 'a.xlsx' })
    expect(sheet).toEqual({
      headers: ['单位', '信息公开', '合格', '说明'],
      rows: [
        { rowNumber: 3, cells: { 单位: '新密市', 信息公开: '0.3333333333333333', 合格: 'TRUE', 说明: 'xy' } },
      ],
    })
  })

  it('reports a formula whose cached result is an error by that error, never [object Object]', async () => {
    const book = new ExcelJS.Workbook()
    const worksheet = book.addWorksheet('成绩')
    worksheet.addRow(['单位', '信息公开', '办事指南', '合计'])
    worksheet.addRow([
      '新密市',
      { formula: '1/0', result: { error: '#DIV/0!' } },
      { error: '#N/A' },
      { formula: 'B2+C2', result: 35.5 },
    ])
    const bytes = new Uint8Array(await book.xlsx.writeBuffer())
    const sheet = await parseSheet({ bytes, fileName: 'a.xlsx' })
    expect(sheet.rows).toEqual([
      { rowNumber: 2, cells: { 单位: '新密市', 信息公开: '#DIV/0!', 办事指南: '#N/A', 合计: '35.5' } },
    ])
  })
})

describe('parseSheet refuses hostile files quickly, naming the limit', () => {
  it('refuses the 6 KB sheet with cells at XFD1 and A20000 from its dimension, before any cell', async () => {
    const book = new ExcelJS.Workbook()
    const worksheet = book.addWorksheet('成绩')
    worksheet.getCell('XFD1').value = '单位'
    worksheet.getCell('A20000').value = 1
    const bytes = new Uint8Array(await book.xlsx.writeBuffer())
    expect(bytes.length).toBeLessThan(10_000)
    const { error, ms } = await refusalOf(parseSheet({ bytes, fileName: 'sparse.xlsx' }))
    expect(error).toMatchObject({
      status: 400,
      issues: [{ path: 'file', message: 'more than 200 columns (found 16384)' }],
      details: { limit: 'maxColumns', max: 200, found: 16384 },
    })
    expect(error.message).toMatch(/^表格超过 200 列上限.*16384/)
    expect(ms).toBeLessThan(1000)
  })

  it('refuses the same cells without a dimension at the first cell past the limits', async () => {
    const wide = xlsxOf({
      sheet: worksheetXml({
        rows: `<row r="1">${inlineCell('XFD1', '单位')}</row><row r="20000">${numberCell('A20000', 1)}</row>`,
      }),
    })
    const wideRefusal = await refusalOf(parseSheet({ bytes: wide, fileName: 'a.xlsx' }))
    expect(wideRefusal.error).toMatchObject({
      status: 400,
      issues: [{ path: 'file', message: 'more than 200 columns (found at least 16384)' }],
    })
    expect(wideRefusal.ms).toBeLessThan(1000)
    const tall = xlsxOf({
      sheet: worksheetXml({
        rows: `<row r="1">${inlineCell('A1', '单位')}</row><row r="20002">${numberCell('A20002', 1)}</row>`,
      }),
    })
    const tallRefusal = await refusalOf(parseSheet({ bytes: tall, fileName: 'a.xlsx' }))
    expect(tallRefusal.error).toMatchObject({
      status: 400,
      issues: [{ path: 'file', message: 'more than 20000 data rows (found at least 20001)' }],
    })
    expect(tallRefusal.ms).toBeLessThan(1000)
  })

  it('refuses a sheet that declares 20,001 data rows or 201 columns in its dimension', async () => {
    for (const [dimension, message] of [
      ['A1:B20002', 'more than 20000 data rows (found 20001)'],
      ['A1:GS2', 'more than 200 columns (found 201)'],
    ] as const) {
      const bytes = xlsxOf({
        sheet: worksheetXml({ dimension, rows: `<row r="1">${inlineCell('A1', '单位')}</row>` }),
      })
      const { error, ms } = await refusalOf(parseSheet({ bytes, fileName: 'a.xlsx' }))
      expect(error).toMatchObject({ status: 400, issues: [{ path: 'file', message }] })
      expect(ms).toBeLessThan(1000)
    }
  })

  it('refuses a 620 KB zip bomb that unpacks to 600 MiB by its declared size, before inflating', async () => {
    const sheet = whitespaceBombSheet({ mebibytes: 600 })
    const bytes = xlsxOf({ sheet })
    expect(bytes.length).toBeLessThan(1024 * 1024)
    const { error, ms } = await refusalOf(parseSheet({ bytes, fileName: 'bomb.xlsx' }))
    expect(error).toMatchObject({
      status: 413,
      issues: [{ path: 'file', message: expect.stringContaining(`(maxPartBytes; found ${sheet.size})`) }],
      details: { limit: 'maxPartBytes', max: 50 * 1024 * 1024, found: sheet.size },
    })
    expect(error.message).toMatch(
      /^XLSX 文件中 xl\/worksheets\/sheet1.xml 解压后 600\.0 MiB，超过 50\.0 MiB 上限/,
    )
    expect(ms).toBeLessThan(1000)
  })

  it('stops inflating a zip bomb whose declared sizes lie, at the declared size', async () => {
    const forged = xlsxOf({ sheet: whitespaceBombSheet({ mebibytes: 600, declaredSize: 256 * 1024 }) })
    const forgedRefusal = await refusalOf(parseSheet({ bytes: forged, fileName: 'bomb.xlsx' }))
    expect(forgedRefusal.error).toMatchObject({
      status: 413,
      issues: [
        {
          path: 'file',
          message: 'xl/worksheets/sheet1.xml unpacks to more than its declared size of 262144 bytes',
        },
      ],
    })
    expect(forgedRefusal.ms).toBeLessThan(1000)
    // A lie within the limits and the compression ratio: the cell is refused long before 40 MiB.
    const plausible = xlsxOf({
      sheet: whitespaceBombSheet({ mebibytes: 600, declaredSize: 40 * 1024 * 1024 }),
    })
    const plausibleRefusal = await refusalOf(parseSheet({ bytes: plausible, fileName: 'bomb.xlsx' }))
    expect(plausibleRefusal.error).toMatchObject({
      status: 400,
      issues: [{ path: 'rows.1.A', message: 'longer than 1000 characters (found at least 1001)' }],
    })
    expect(plausibleRefusal.ms).toBeLessThan(1000)
  })

  it('refuses a part that compresses more than 200:1', async () => {
    const rows = `<row r="1"><c r="A1" t="inlineStr"><is><t>${' '.repeat(4 * 1024 * 1024)}</t></is></c></row>`
    const bytes = xlsxOf({ sheet: worksheetXml({ rows }) })
    const { error, ms } = await refusalOf(parseSheet({ bytes, fileName: 'a.xlsx' }))
    expect(error).toMatchObject({ status: 413, details: { limit: 'maxCompressionRatio', max: 200 } })
    expect(ms).toBeLessThan(1000)
  })

  it('refuses a CSV with 20,001 data rows and one with a 201-column header, naming the numbers', async () => {
    const tall = csvBytes(`单位,信息公开\n${'新密市,1\n'.repeat(20_001)}`)
    const tallRefusal = await refusalOf(parseSheet({ bytes: tall, fileName: 'a.csv' }))
    expect(tallRefusal.error).toMatchObject({
      status: 400,
      issues: [{ path: 'file', message: 'more than 20000 data rows (found 20001)' }],
      details: { limit: 'maxDataRows', max: 20000, found: 20001 },
    })
    expect(tallRefusal.ms).toBeLessThan(1000)
    const header = ['单位', ...Array.from({ length: 200 }, (_, index) => `指标${index + 1}`)].join(',')
    const wide = csvBytes(`${header}\n新密市\n`)
    const wideRefusal = await refusalOf(parseSheet({ bytes: wide, fileName: 'a.csv' }))
    expect(wideRefusal.error).toMatchObject({
      status: 400,
      issues: [{ path: 'file', message: 'more than 200 columns (found 201)' }],
    })
    expect(wideRefusal.ms).toBeLessThan(1000)
    const commas = csvBytes(`单位\n${','.repeat(5 * 1024 * 1024)}\n`)
    const commasRefusal = await refusalOf(parseSheet({ bytes: commas, fileName: 'a.csv' }))
    expect(commasRefusal.error).toMatchObject({
      status: 400,
      issues: [{ path: 'file', message: 'more than 200 columns (found 5242881)' }],
    })
    expect(commasRefusal.ms).toBeLessThan(1000)
  })

  it('refuses a 4 MB cell by its place, echoing only its first 50 characters', async () => {
    const long = lettersOfLength(4 * 1024 * 1024)
    const csv = csvBytes(`单位,信息公开\n新密市,${long}\n`)
    const csvRefusal = await refusalOf(parseSheet({ bytes: csv, fileName: 'a.csv' }))
    expect(csvRefusal.error).toMatchObject({
      status: 400,
      issues: [
        {
          path: 'rows.2.信息公开',
          message: `longer than 1000 characters (found 4194304)：「${long.slice(0, 50)}…」`,
        },
      ],
      details: { limit: 'maxCellChars', max: 1000, found: 4194304 },
    })
    expect(JSON.stringify(csvRefusal.error).length).toBeLessThan(1000)
    expect(csvRefusal.ms).toBeLessThan(1000)

    const book = new ExcelJS.Workbook()
    const worksheet = book.addWorksheet('成绩')
    worksheet.addRow(['单位', '信息公开'])
    worksheet.addRow(['新密市', long])
    const xlsx = new Uint8Array(await book.xlsx.writeBuffer())
    const xlsxRefusal = await refusalOf(parseSheet({ bytes: xlsx, fileName: 'a.xlsx' }))
    expect(xlsxRefusal.error).toMatchObject({
      status: 400,
      issues: [{ path: 'rows.2.信息公开', message: expect.stringMatching(/^longer than 1000 characters/) }],
    })
    expect(JSON.stringify(xlsxRefusal.error).length).toBeLessThan(1000)
    expect(xlsxRefusal.ms).toBeLessThan(1000)

    const inline = xlsxOf({
      sheet: worksheetXml({
        rows: `<row r="1">${inlineCell('A1', '单位')}${inlineCell('B1', '信息公开')}</row><row r="2">${inlineCell('A2', '新密市')}${inlineCell('B2', long.slice(0, 1001))}</row>`,
      }),
    })
    const inlineRefusal = await refusalOf(parseSheet({ bytes: inline, fileName: 'a.xlsx' }))
    expect(inlineRefusal.error).toMatchObject({
      status: 400,
      issues: [
        {
          path: 'rows.2.信息公开',
          message: `longer than 1000 characters (found 1001)：「${long.slice(0, 50)}…」`,
        },
      ],
    })
  })
})

describe('parseSheet leaves the event loop turning', () => {
  // 20,000 rows under a 200-column header: legal, and 4 million cells to anything that walks the grid.
  const header = Array.from({ length: 200 }, (_, index) => (index === 0 ? '单位' : `指标${index}`))
  const body = Array.from({ length: 20_000 }, (_, row) => [
    `单位${row}`,
    ...Array.from({ length: 9 }, (_, column) => ((row * 7 + column) % 100) / 4),
  ])

  it('while a large legal XLSX is parsed', async () => {
    const columnRef = (column: number) =>
      column < 26
        ? String.fromCharCode(65 + column)
        : `${String.fromCharCode(64 + Math.floor(column / 26))}${String.fromCharCode(65 + (column % 26))}`
    const headerRow = `<row r="1">${header.map((text, column) => inlineCell(`${columnRef(column)}1`, text)).join('')}</row>`
    const rows = body
      .map((cells, index) => {
        const row = index + 2
        const [unit, ...values] = cells
        return `<row r="${row}">${inlineCell(`A${row}`, String(unit))}${values.map((value, column) => numberCell(`${columnRef(column + 1)}${row}`, Number(value))).join('')}</row>`
      })
      .join('')
    const bytes = xlsxOf({
      sheet: deflatedEntry('xl/worksheets/sheet1.xml', worksheetXml({ rows: headerRow + rows })),
    })
    const { result, ticks, longestGapMs } = await ticksDuring(() => parseSheet({ bytes, fileName: 'a.xlsx' }))
    expect(result.rows).toHaveLength(20_000)
    expect(result.rows[19_999]?.cells).toMatchObject({
      单位: '单位19999',
      指标1: String(((19_999 * 7) % 100) / 4),
    })
    expect(ticks).toBeGreaterThanOrEqual(5)
    expect(longestGapMs).toBeLessThan(500)
  }, 30_000)

  it('while a large legal CSV is parsed, and refuses it past the time limit', async () => {
    const bytes = csvBytes([header, ...body].map((cells) => cells.join(',')).join('\n'))
    const { result, ticks, longestGapMs } = await ticksDuring(() => parseSheet({ bytes, fileName: 'a.csv' }))
    expect(result.rows).toHaveLength(20_000)
    expect(ticks).toBeGreaterThanOrEqual(5)
    expect(longestGapMs).toBeLessThan(500)
    const { error } = await refusalOf(parseSheet({ bytes, fileName: 'a.csv', limits: { timeLimitMs: 20 } }))
    expect(error).toMatchObject({
      status: 413,
      issues: [{ path: 'file', message: 'parsing took longer than 20 ms (timeLimitMs)' }],
      details: { limit: 'timeLimitMs', max: 20 },
    })
  }, 30_000)
})
