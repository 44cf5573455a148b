import { describe, expect, it } from 'vitest'
import { createLogger } from './logger'

describe('createLogger', () => {
  const at = new Date('2026-12-01T08:00:00.000Z')

  it('writes one JSON line with the base fields, the child fields and the call fields', () => {
    const lines: string[] = []
    const logger = createLogger({
      level: 'info',
      base: { service: 'pingce-api' },
      write: (line) => lines.push(line),
      now: () => at,
    })
    logger
      .child({ requestId: 'r-12345678' })
      .child({ tenantId: 'zhengzhou' })
      .info('request', { status: 200 })
    logger.debug('not at info')
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      time: '2026-12-01T08:00:00.000Z',
      level: 'info',
      message: 'request',
      service: 'pingce-api',
      requestId: 'r-12345678',
      tenantId: 'zhengzhou',
      status: 200,
    })
  })

  it('keeps the line’s own time, level and message when a field has the same name', () => {
    const lines: string[] = []
    const logger = createLogger({ level: 'debug', write: (line) => lines.push(line), now: () => at })
    logger.error('unhandled error', { message: 'store down', level: 'x' })
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      level: 'error',
      message: 'unhandled error',
      field_message: 'store down',
      field_level: 'x',
    })
  })
})
