import { ValidationError } from '@pingce/core'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { AppEnv } from '../app-env'
import { handleError } from '../http/handle-error'
import { sheetToInputs } from './sheet-to-inputs'

const keys = [
  { key: 'open', kind: 'score' as const, label: '信息公开', aliases: [], allowsNotApplicable: false },
]
const units = [
  { unitId: 'xm', groupId: 'county', name: '新密市', aliases: [], websites: [], newMediaAccounts: [] },
]

describe('error bodies stay small', () => {
  it('echo at most the first 50 characters of a cell', () => {
    const long = 'x'.repeat(4 * 1024 * 1024)
    const sheet = {
      headers: ['单位', '信息公开'],
      rows: [
        { rowNumber: 2, cells: { 单位: long, 信息公开: '1' } },
        { rowNumber: 3, cells: { 单位: '新密市', 信息公开: long } },
      ],
    }
    let error: ValidationError | undefined
    try {
      sheetToInputs({ sheet, units, keys, period: { kind: 'year', year: 2020 } })
    } catch (thrown) {
      error = thrown as ValidationError
    }
    expect(error?.issues).toEqual([
      { path: 'rows.2.单位', message: `「${'x'.repeat(50)}…」不是本分组的评估对象 (unknown unit)` },
      { path: 'rows.3.信息公开', message: `「${'x'.repeat(50)}…」is not a number` },
    ])
  })

  it('list at most 200 issues and say how many more there were, keeping every other field', async () => {
    const app = new Hono<AppEnv>()
    app.onError(handleError)
    app.get('/', () => {
      throw new ValidationError({
        message: '导入失败：共 100001 处错误，未导入任何数据',
        issues: Array.from({ length: 100_001 }, (_, index) => ({
          path: `rows.${index + 2}.单位`,
          message: 'bad',
        })),
        details: { target: 'form' },
      })
    })
    const response = await app.request('/')
    expect(response.status).toBe(400)
    const { error } = (await response.json()) as { error: Record<string, unknown> & { issues: unknown[] } }
    expect(error.issues).toHaveLength(200)
    expect(error.issues[199]).toEqual({ path: 'rows.201.单位', message: 'bad' })
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: '导入失败：共 100001 处错误，未导入任何数据',
      details: { target: 'form', moreIssues: 99_801 },
      requestId: 'unknown',
    })
  })

  it('leave a body with 200 issues or fewer as it is', async () => {
    const app = new Hono<AppEnv>()
    app.onError(handleError)
    app.get('/', () => {
      throw new ValidationError({ message: '请求参数无效', issues: [{ path: 'name', message: 'Required' }] })
    })
    const { error } = (await (await app.request('/')).json()) as { error: Record<string, unknown> }
    expect(error).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: '请求参数无效',
      issues: [{ path: 'name', message: 'Required' }],
      requestId: 'unknown',
    })
  })
})
