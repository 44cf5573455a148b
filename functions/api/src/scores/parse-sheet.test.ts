import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
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
