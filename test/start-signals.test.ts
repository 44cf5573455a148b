import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { findFreePort } from '@pingce/local-stack'
import { afterAll, afterEach, describe, expect, it } from 'vitest'

/**
 * `npm start` stops the whole product on a signal sent to the npm process alone (not to its
 * process group, as a terminal's Ctrl-C does): the API, DynamoDB Local (java) and s3rver, leaving no
 * process behind. The command is started exactly as a user starts it, in its own process group so
 * that whatever it left can be found (and killed) by group.
 */

const repoRoot = resolve(import.meta.dirname, '..')
// Started without the demo (PINGCE_DEMO=off): the stop path is what is tested, not the seeding.
const startDeadlineMs = 100_000
const stopDeadlineMs = 15_000

interface StartedProduct {
  npm: ChildProcess
  port: number
  dataDir: string
  output: () => string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

const started: StartedProduct[] = []
const dataDir = mkdtempSync(join(tmpdir(), 'pingce-signals-'))

/** The processes of the product: those in npm's process group, and any naming the data directory. */
function productProcesses(product: StartedProduct): { pid: number; command: string }[] {
  const table = execFileSync('ps', ['-eo', 'pid=,pgid=,args='], { encoding: 'utf8' })
  return table
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ pid: Number(match[1]), pgid: Number(match[2]), command: match[3] ?? '' }))
    .filter(
      (row) =>
        row.pid !== process.pid && (row.pgid === product.npm.pid || row.command.includes(product.dataDir)),
    )
    .map(({ pid, command }) => ({ pid, command }))
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolveListening) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolveListening(true)
    })
    socket.once('error', () => resolveListening(false))
  })
}

async function until(condition: () => Promise<boolean> | boolean, deadlineMs: number): Promise<boolean> {
  const deadline = Date.now() + deadlineMs
  while (Date.now() < deadline) {
    if (await condition()) return true
    await new Promise((resolveWait) => setTimeout(resolveWait, 200))
  }
  return condition()
}

async function startProduct(): Promise<StartedProduct> {
  const port = await findFreePort()
  const npm = spawn('npm', ['start'], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PINGCE_DATA_DIR: dataDir,
      PINGCE_PORT: String(port),
      LOG_LEVEL: 'warn',
      PINGCE_DEMO: 'off',
    },
  })
  let output = ''
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000)
  }
  npm.stdout?.on('data', collect)
  npm.stderr?.on('data', collect)
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) =>
    npm.once('exit', (code, signal) => resolveExit({ code, signal })),
  )
  const product: StartedProduct = { npm, port, dataDir, output: () => output, exited }
  started.push(product)
  const isLive = await until(async () => {
    if (npm.exitCode !== null || npm.signalCode !== null) return true
    try {
      return (await fetch(`http://127.0.0.1:${port}/health/live`)).ok
    } catch {
      return false
    }
  }, startDeadlineMs)
  if (!isLive || npm.exitCode !== null || npm.signalCode !== null) {
    throw new Error(`npm start did not answer /health/live within ${startDeadlineMs / 1000} s:\n${output}`)
  }
  return product
}

/** The loopback ports the start command printed for DynamoDB Local and s3rver. */
function stackPorts(product: StartedProduct): number[] {
  const ports = [
    ...product.output().matchAll(/(?:DynamoDB Local|S3 \(s3rver\)):\s+http:\/\/127\.0\.0\.1:(\d+)/g),
  ]
  return ports.map((match) => Number(match[1]))
}

async function expectStoppedBy(signal: 'SIGTERM' | 'SIGINT'): Promise<void> {
  const product = await startProduct()
  const ports = stackPorts(product)
  expect(ports).toHaveLength(2)
  expect(productProcesses(product).some((row) => row.command.includes('DynamoDBLocal.jar'))).toBe(true)

  // The npm process only: not its group.
  process.kill(product.npm.pid as number, signal)

  const isGone = await until(async () => {
    const listening = await Promise.all([product.port, ...ports].map(isListening))
    return !listening.some(Boolean) && productProcesses(product).length === 0
  }, stopDeadlineMs)
  const left = productProcesses(product)
  expect(left, `left running after ${signal}:\n${product.output()}`).toEqual([])
  expect(isGone).toBe(true)
  expect(await isListening(product.port)).toBe(false)
  const exit = await product.exited
  expect(exit.code, product.output()).toBe(0)
  expect(product.output()).toContain(`stopping on ${signal}`)
  expect(product.output()).toContain('已停止 (stopped)')
  // A clean stop releases the data directory.
  expect(existsSync(join(dataDir, 'pingce.lock'))).toBe(false)
}

describe('npm start and signals sent to the npm process', () => {
  afterEach(() => {
    for (const product of started.splice(0)) {
      for (const { pid } of productProcesses(product)) {
        try {
          process.kill(pid, 'SIGKILL')
        } catch {
          // already gone
        }
      }
    }
  })
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true })
  })

  // The first start loads the demo into the data directory; the second one reuses it (and so also
  // shows that a signalled stop left a data directory the next start can open).
  it('stops the API, DynamoDB Local and s3rver on SIGTERM', async () => {
    await expectStoppedBy('SIGTERM')
  }, 130_000)

  it('stops the API, DynamoDB Local and s3rver on SIGINT', async () => {
    await expectStoppedBy('SIGINT')
  }, 130_000)
})
