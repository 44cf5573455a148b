import { DataDirLockedError } from '@pingce/local-stack'
import { demoPassword } from '../demo/seed-demo'
import { loadLocalConfig } from './local-config'
import { startLocal } from './start-local'

// The start command's entry: `npm start` at the repository root.
try {
  const local = loadLocalConfig({ env: process.env, cwd: process.cwd() })
  const product = await startLocal({ local })
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
  const shutdown = async (signal: string) => {
    process.stdout.write(`\n正在停止 (stopping on ${signal}) …\n`)
    await product.stop()
    process.exit(0)
  }
  process.once('SIGINT', () => void shutdown('SIGINT'))
  process.once('SIGTERM', () => void shutdown('SIGTERM'))
} catch (error) {
  if (error instanceof DataDirLockedError) {
    process.stderr.write(`\n${error.message}\n`)
    process.exit(2)
  }
  process.stderr.write(`\n启动失败 (start failed): ${(error as Error).message}\n`)
  process.exit(1)
}
