import { DataDirLockedError } from '@pingce/local-stack'
import { demoPassword } from '../demo/seed-demo'
import { loadLocalConfig } from './local-config'
import { type RunningProduct, startLocal } from './start-local'

// The start command's entry: `npm start` at the repository root (scripts/start.sh execs
// `node --import tsx` on this file, so the signals npm forwards arrive here).

/** A stop that takes longer than this ends the process anyway (DynamoDB Local's watchdog then ends the JVM). */
const stopDeadlineMs = 30_000
/** How often the parent is checked: orphaned (npm killed, terminal gone), the product stops too. */
const parentCheckMs = 500

// A closed terminal must not turn a status line into an exception in the middle of a stop.
process.stdout.on('error', () => {})
process.stderr.on('error', () => {})

let starting: Promise<RunningProduct> | undefined
let stopping: Promise<void> | undefined

/**
 * Stops the whole product (HTTP server, DynamoDB Local, s3rver, the data-directory lock) once,
 * however many times it is asked: Ctrl-C in a terminal delivers SIGINT twice, once from the terminal
 * to the process group and once forwarded by npm. A signal during the start lets the start finish
 * (the demo seeding is not interruptible) and stops right after.
 */
function stopAndExit(reason: string): Promise<void> {
  stopping ??= (async () => {
    process.stdout.write(`\n正在停止 (stopping on ${reason}) …\n`)
    const deadline = setTimeout(() => {
      process.stderr.write(`停止超时 (stop took more than ${stopDeadlineMs / 1000} s): exiting\n`)
      process.exit(1)
    }, stopDeadlineMs)
    deadline.unref()
    try {
      const product = await starting?.catch(() => undefined)
      await product?.stop()
      process.stdout.write('已停止 (stopped)\n')
      process.exit(0)
    } catch (error) {
      process.stderr.write(`停止失败 (stop failed): ${(error as Error).message}\n`)
      process.exit(1)
    }
  })()
  return stopping
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => void stopAndExit(signal))
}
const parentPid = process.ppid
if (parentPid > 1) {
  setInterval(() => {
    if (process.ppid !== parentPid) void stopAndExit(`exit of the parent process ${parentPid}`)
  }, parentCheckMs).unref()
}

try {
  const local = loadLocalConfig({ env: process.env, cwd: process.cwd() })
  starting = startLocal({ local })
  const product = await starting
  if (stopping === undefined) {
    process.stdout.write(
      [
        '',
        'Pingce 评测 已启动 (started)',
        `  网址 URL:            ${product.url}`,
        `  接口文档 API docs:   ${product.url}/docs`,
        `  健康检查 Health:     ${product.url}/health`,
        `  数据目录 Data:       ${product.stack.dataDir}`,
        `  DynamoDB Local:      ${product.stack.dynamoEndpoint}`,
        `  S3 (s3rver):         ${product.stack.s3Endpoint}`,
        `  演示账户 Demo logins (密码 password: ${demoPassword})${product.isDemoNew ? ' — 演示数据已载入 demo data loaded' : ''}:`,
        ...product.logins.map(
          (login) =>
            `    ${(login.tenantId ?? '平台').padEnd(10)} ${login.role.padEnd(18)} ${login.email.padEnd(34)} ${login.note}`,
        ),
        '  按 Ctrl-C 停止 (press Ctrl-C to stop)',
        '',
      ].join('\n'),
    )
  }
} catch (error) {
  if (error instanceof DataDirLockedError) {
    process.stderr.write(`\n${error.message}\n`)
    process.exit(2)
  }
  process.stderr.write(`\n启动失败 (start failed): ${(error as Error).message}\n`)
  process.exit(1)
}
