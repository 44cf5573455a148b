/**
 * Benchmark (not a test): the published results of 郑州 2016 under 50 concurrent connections,
 * beside the bare liveness route of the same server in the same run (the floor), with the
 * DynamoDB calls each request makes. The server and DynamoDB Local run here; autocannon runs in a
 * child process so that the load generator's own work is not counted against the server's thread.
 *
 * Run: npm run bench (or: node_modules/.bin/tsx functions/api/bench/api-bench.ts)
 */
import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { promisify } from 'node:util'
import { serve } from '@hono/node-server'
import { createAwsClients, ensureStorage } from '@pingce/aws'
import { startLocalStack } from '@pingce/local-stack'
import { createApp } from '../src/app'
import { loadConfig } from '../src/config'
import { seedDemo } from '../src/demo/seed-demo'
import { createDependencies } from '../src/dependencies'
import { createLogger } from '../src/logging/logger'

const connections = Number(process.env.BENCH_CONNECTIONS ?? 50)
const durationSeconds = Number(process.env.BENCH_SECONDS ?? 10)
const run = promisify(execFile)
const autocannonCli = createRequire(import.meta.url).resolve('autocannon/autocannon.js')

interface Figures {
  requestsPerSecond: number
  p50: number
  p99: number
  total: number
  non2xx: number
}

async function load(url: string, token?: string): Promise<Figures> {
  // Like a browser, the client accepts gzip.
  const args = [
    autocannonCli,
    '-c',
    String(connections),
    '-d',
    String(durationSeconds),
    '-j',
    '-H',
    'accept-encoding=gzip',
  ]
  if (token) args.push('-H', `authorization=Bearer ${token}`)
  const { stdout } = await run(process.execPath, [...args, url], { maxBuffer: 64 * 1024 * 1024 })
  const report = JSON.parse(stdout) as {
    requests: { average: number; total: number }
    latency: { p50: number; p99: number }
    non2xx: number
    '2xx': number
  }
  return {
    requestsPerSecond: report.requests.average,
    p50: report.latency.p50,
    p99: report.latency.p99,
    total: report['2xx'] + report.non2xx,
    non2xx: report.non2xx,
  }
}

const stack = await startLocalStack()
let dynamoCalls = 0
try {
  const config = loadConfig({
    PINGCE_TABLE_NAME: 'pingce-bench',
    PINGCE_BUCKET_NAME: 'pingce-bench',
    PINGCE_DYNAMODB_ENDPOINT: stack.dynamoEndpoint,
    PINGCE_S3_ENDPOINT: stack.s3Endpoint,
    PINGCE_TOKEN_SECRET: 'bench-secret-of-at-least-thirty-two-chars',
    LOG_LEVEL: 'silent',
  })
  const clients = createAwsClients({
    region: config.AWS_REGION,
    dynamoEndpoint: stack.dynamoEndpoint,
    s3Endpoint: stack.s3Endpoint,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  })
  await ensureStorage({ clients, tableName: config.PINGCE_TABLE_NAME, bucketName: config.PINGCE_BUCKET_NAME })
  const deps = {
    ...createDependencies({
      config,
      logger: createLogger({ level: 'silent' }),
      onDynamoCall: () => {
        dynamoCalls += 1
      },
    }),
    // The benchmark measures the server, not the per-caller rate limit.
    rateLimit: { capacity: 1_000_000, refillPerSecond: 1_000_000 },
  }
  const seeded = await seedDemo({ deps })
  const app = createApp(deps)
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise((resolve) => server.once('listening', resolve))
  const address = server.address()
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  const admin = seeded.logins.find((login) => login.tenantId === 'zhengzhou' && login.role === 'admin')
  if (!admin) throw new Error('the demo has no 郑州 admin')
  const { accessToken } = await deps.identity.signIn({ email: admin.email, password: admin.password })

  const kaifengAdmin = seeded.logins.find((login) => login.tenantId === 'kaifeng' && login.role === 'admin')
  if (!kaifengAdmin) throw new Error('the demo has no 开封 admin')
  const kaifengToken = (
    await deps.identity.signIn({ email: kaifengAdmin.email, password: kaifengAdmin.password })
  ).accessToken
  // First (uncached) reads: what a results request costs in DynamoDB calls, for two sizes.
  const perRequest = async (path: string, token: string) => {
    const before = dynamoCalls
    const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } })
    if (!response.ok) throw new Error(`${path} answered ${response.status}`)
    const body = (await response.json()) as { groups?: { rows: unknown[] }[] }
    return { calls: dynamoCalls - before, units: (body.groups ?? []).reduce((n, g) => n + g.rows.length, 0) }
  }
  const zhengzhou = await perRequest('/evaluations/zz-2016/results', accessToken)
  const kaifeng = await perRequest('/evaluations/kf-2020/results', kaifengToken)

  const bare = await load(`${base}/health/live`)
  const callsBefore = dynamoCalls
  const results = await load(`${base}/evaluations/zz-2016/results`, accessToken)
  const small = await load(`${base}/evaluations/zz-2016/results?groupId=zone`, accessToken)
  const callsPerRequest = (dynamoCalls - callsBefore) / results.total

  const row = (name: string, f: Figures) =>
    `${name.padEnd(34)} ${f.requestsPerSecond.toFixed(0).padStart(8)} req/s   p50 ${String(f.p50).padStart(4)} ms   p99 ${String(f.p99).padStart(4)} ms   non-2xx ${f.non2xx}`
  console.log(
    `API benchmark — ${connections} connections × ${durationSeconds} s, Node ${process.version}, DynamoDB Local`,
  )
  console.log(row('floor: GET /health/live (bare)', bare))
  console.log(row('GET /evaluations/zz-2016/results', results))
  console.log(row('  … ?groupId=zone (4 units)', small))
  console.log(
    `throughput ratio results / bare: ${(results.requestsPerSecond / bare.requestsPerSecond).toFixed(2)} (target ≥ 0.50)`,
  )
  console.log(`p99 of results: ${results.p99} ms (target < 50 ms)`)
  console.log(`DynamoDB calls per results request under load: ${callsPerRequest.toFixed(2)}`)
  console.log(
    `DynamoDB calls of a first (uncached) results request: 郑州 ${zhengzhou.units} units ${zhengzhou.calls}, 开封 ${kaifeng.units} units ${kaifeng.calls}; afterwards the instance serves the immutable snapshot from memory`,
  )
  await new Promise<void>((resolve) => server.close(() => resolve()))
} finally {
  await stack.stop()
}
