import { describe, expect, it } from 'vitest'
import { ConflictError, NotFoundError, ValidationError } from './http-errors'

describe('AppError', () => {
  it('serialises status, code, message and issues, never the stack', () => {
    const error = new ValidationError({
      message: '请求参数无效',
      issues: [{ path: 'name', message: 'Required' }],
    })
    expect(error.toJSON()).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: '请求参数无效',
      issues: [{ path: 'name', message: 'Required' }],
    })
    expect(JSON.stringify(error.toJSON())).not.toContain('at ')
  })

  it('carries the status of its kind and optional details', () => {
    expect(new NotFoundError({ message: '未找到' }).status).toBe(404)
    const conflict = new ConflictError({ message: '已被修改', details: { current: { value: 8 } } })
    expect(conflict.status).toBe(409)
    expect(conflict.toJSON().details).toEqual({ current: { value: 8 } })
    expect(conflict.name).toBe('ConflictError')
  })
})
