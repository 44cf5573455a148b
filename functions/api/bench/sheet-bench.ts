/**
 * Benchmark (not a test): hostile score sheets uploaded through `POST /evaluations/{id}/scores/import`
 * as 郑州's evaluator, into a draft evaluation made for the run — the 6 KB sheet with cells at XFD1
 * and A20000 (20,000 × 16,384 to anything that walks the grid) and the 620 KB XLSX that unpacks to
 * 600 MiB. It prints the time to reject each, and the latency of `/health/live` measured while
 * they are being rejected beside its idle latency in the same run (the floor), with the process's
 * peak resident memory. The server and DynamoDB Local run here, as in api-bench.ts.
 *
 * Run: npm run bench (or: node_modules/.bin/tsx functions/api/bench/sheet-bench.ts)
 */
import { performance } from 'node:perf_hooks'
import { serve } from '@hono/node-server'
import { createAwsClients, ensureStorage } from '@pingce/aws'
import { startLocalStack } from '@pingce/local-stack'
import ExcelJS from 'exceljs'
import { createApp } from '../src/app'
import { loadConfig } from '../src/config'
import { seedDemo } from '../src/demo/seed-demo'
import { createDependencies } from '../src/dependencies'
import { createLogger } from '../src/logging/logger'
import { parseSheet } from '../src/scores/parse-sheet'
import { csvBytes, whitespaceBombSheet, xlsxOf } from '../test/sheet-test-files'

const windowMs = Number(process.env.BENCH_SHEET_MS ?? 5_000)
const uploaders = Number(process.env.BENCH_SHEET_UPLOADERS ?? 4)

interface Latencies {
  count: number
  p50: number
  p99: number
  max: number
}

function summarise(samples: number[]): Latencies {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 }
}

let peakRss = 0
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss())
}

/** Sequential GET /health/live until `isDone()`: each request's latency. */
async function probe(base: string, isDone: () => boolean): Promise<number[]> {
  const samples: number[] = []
  while (!isDone()) {
    const startedAt = performance.now()
    const response = await fetch(`${base}/health/live`)
    await response.arrayBuffer()
    samples.push(performance.now() - startedAt)
    sampleRss()
  }
  return samples
}

const stack = await startLocalStack()
try {
  const config = loadConfig({
    PINGCE_TABLE_NAME: 'pingce-sheet-bench',
    PINGCE_BUCKET_NAME: 'pingce-sheet-bench',
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
    ...createDependencies({ config, logger: createLogger({ level: 'silent' }) }),
    // The benchmark measures the server, not the per-caller rate limit.
    rateLimit: { capacity: 1_000_000, refillPerSecond: 1_000_000 },
  }
  const seeded = await seedDemo({ deps })
  const app = createApp(deps)
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise((resolve) => server.once('listening', resolve))
  const address = server.address()
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  const tokenOf = async (role: 'admin' | 'evaluator') => {
    const login = seeded.logins.find((entry) => entry.tenantId === 'zhengzhou' && entry.role === role)
    if (!login) throw new Error(`the demo has no 郑州 ${role}`)
    return (await deps.identity.signIn({ email: login.email, password: login.password })).accessToken
  }
  const admin = await tokenOf('admin')
  const evaluator = await tokenOf('evaluator')

  // zz-2016 is published: a draft with the same groups and scheme takes the uploads.
  const published = (await (
    await fetch(`${base}/evaluations/zz-2016`, { headers: { authorization: `Bearer ${admin}` } })
  ).json()) as { groups: { groupId: string; schemeId: string; schemeVersion: number }[] }
  const evaluationId = `zz-sheet-bench-${Date.now()}`
  const created = await fetch(`${base}/evaluations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      evaluationId,
      name: '上传压力测试',
      period: { kind: 'year', year: 2017 },
      groups: published.groups.map(({ groupId, schemeId, schemeVersion }) => ({
        groupId,
        schemeId,
        schemeVersion,
      })),
    }),
  })
  if (created.status !== 201)
    throw new Error(`creating the draft answered ${created.status}: ${await created.text()}`)
  const groupId = published.groups[0]?.groupId ?? ''

  const sparseBook = new ExcelJS.Workbook()
  const sparseSheet = sparseBook.addWorksheet('成绩')
  sparseSheet.getCell('XFD1').value = '单位'
  sparseSheet.getCell('A20000').value = 1
  const files = [
    {
      name: 'control: 1 KB CSV naming an unknown unit',
      bytes: csvBytes(`单位\n${'不存在的单位\n'.repeat(50)}`),
      fileName: 'control.csv',
    },
    {
      name: 'sparse 20,000 × 16,384 (XFD1 + A20000)',
      bytes: new Uint8Array(await sparseBook.xlsx.writeBuffer()),
      fileName: 'sparse.xlsx',
    },
    {
      name: 'zip bomb, unpacks to 600 MiB',
      bytes: xlsxOf({ sheet: whitespaceBombSheet({ mebibytes: 600 }) }),
      fileName: 'bomb.xlsx',
    },
    {
      name: 'zip bomb, forged 40 MiB declared size',
      bytes: xlsxOf({ sheet: whitespaceBombSheet({ mebibytes: 600, declaredSize: 40 * 1024 * 1024 }) }),
      fileName: 'forged-bomb.xlsx',
    },
  ]
  const upload = async (file: { bytes: Uint8Array; fileName: string }) => {
    const form = new FormData()
    form.set('groupId', groupId)
    form.set('file', new File([file.bytes], file.fileName))
    const startedAt = performance.now()
    const response = await fetch(`${base}/evaluations/${evaluationId}/scores/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${evaluator}` },
      body: form,
    })
    const body = (await response.json()) as {
      error?: { details?: { limit?: string }; issues?: { message: string }[] }
    }
    const reason = body.error?.details?.limit ?? body.error?.issues?.[0]?.message.slice(0, 60)
    return { ms: performance.now() - startedAt, status: response.status, reason }
  }

  const row = (name: string, l: Latencies) =>
    `${name.padEnd(44)} n ${String(l.count).padStart(5)}   p50 ${l.p50.toFixed(1).padStart(6)} ms   p99 ${l.p99.toFixed(1).padStart(6)} ms   max ${l.max.toFixed(1).padStart(7)} ms`
  console.log(
    `Hostile sheet uploads — ${uploaders} uploaders × ${windowMs / 1000} s each, Node ${process.version}, DynamoDB Local`,
  )
  sampleRss()
  console.log(`resident memory before the uploads: ${(peakRss / 1024 / 1024).toFixed(0)} MiB`)
  const idleUntil = performance.now() + windowMs / 2
  console.log(
    row('floor: GET /health/live, idle', summarise(await probe(base, () => performance.now() > idleUntil))),
  )
  for (const file of files) {
    const rejections: number[] = []
    const answers = new Set<string>()
    const until = performance.now() + windowMs
    let isDone = false
    const probing = probe(base, () => isDone)
    await Promise.all(
      Array.from({ length: uploaders }, async () => {
        while (performance.now() < until) {
          const answer = await upload(file)
          rejections.push(answer.ms)
          answers.add(`${answer.status} ${answer.reason ?? ''}`.trim())
          sampleRss()
        }
      }),
    )
    isDone = true
    const health = summarise(await probing)
    console.log(`${file.name} (${(file.bytes.length / 1024).toFixed(0)} KB) → ${[...answers].join(', ')}`)
    const alone: number[] = []
    for (let run = 0; run < 20; run += 1) {
      const startedAt = performance.now()
      await parseSheet({ bytes: file.bytes, fileName: file.fileName }).catch(() => undefined)
      alone.push(performance.now() - startedAt)
    }
    console.log(row('  parseSheet alone, in process', summarise(alone)))
    console.log(row('  time to reject through the API', summarise(rejections)))
    console.log(row('  GET /health/live meanwhile', health))
  }
  console.log(`peak resident memory of the process: ${(peakRss / 1024 / 1024).toFixed(0)} MiB`)
  await new Promise<void>((resolve) => server.close(() => resolve()))
} finally {
  await stack.stop()
}
