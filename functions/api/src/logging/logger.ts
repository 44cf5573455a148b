export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent'
type Fields = Record<string, unknown>

export interface Logger {
  debug(message: string, fields?: Fields): void
  info(message: string, fields?: Fields): void
  warn(message: string, fields?: Fields): void
  error(message: string, fields?: Fields): void
  child(fields: Fields): Logger
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 }

/**
 * One JSON object per line, which is what CloudWatch Logs Insights queries and what a local
 * `| jq` reads. The writer is injectable so tests can read what was logged.
 *
 * `time`, `level` and `message` are the line's own: a field of the same name (an error's `message`)
 * is written as `field_message` rather than replacing them. The fields of a request's logger are
 * listed in request-log-fields.ts.
 */
export function createLogger(options: {
  level: LogLevel
  base?: Fields
  write?: (line: string) => void
  now?: () => Date
}): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`))
  const now = options.now ?? (() => new Date())
  const base = options.base ?? {}
  const log = (level: Exclude<LogLevel, 'silent'>, message: string, fields?: Fields) => {
    if (rank[level] < rank[options.level]) return
    const line: Fields = { time: now().toISOString(), level, message }
    for (const [key, value] of Object.entries({ ...base, ...fields })) {
      line[key in line ? `field_${key}` : key] = value
    }
    write(JSON.stringify(line))
  }
  return {
    debug: (message, fields) => log('debug', message, fields),
    info: (message, fields) => log('info', message, fields),
    warn: (message, fields) => log('warn', message, fields),
    error: (message, fields) => log('error', message, fields),
    child: (fields) => createLogger({ ...options, base: { ...base, ...fields }, write, now }),
  }
}
