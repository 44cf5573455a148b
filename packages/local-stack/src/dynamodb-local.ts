import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { connect } from 'node:net'
import { dirname, join } from 'node:path'
import { findFreePort } from './free-port'

export interface RunningDynamoDbLocal {
  endpoint: string
  port: number
  stop(): Promise<void>
}

/** Amazon's DynamoDB Local jar, shipped inside the npm package amplify-dynamodb-simulator. */
function emulatorDir(): string {
  const require = createRequire(import.meta.url)
  return join(dirname(require.resolve('amplify-dynamodb-simulator/package.json')), 'emulator')
}

/**
 * Java does not die with its parent. This wrapper ends DynamoDB Local when it is told to (TERM) and
 * also when the Node process that started it disappears (killed, crashed), so no test run or
 * interrupted start leaves a JVM holding a port or the database file. On TERM it also ends its
 * parent check, so nothing of it outlives the stop.
 */
const watchdogScript = `
parent=$1; shift
command -v java >/dev/null 2>&1 || { echo "java not found" >&2; exit 127; }
java "$@" &
child=$!
watcher=
trap 'kill $child 2>/dev/null; wait $child; [ -n "$watcher" ] && kill $watcher 2>/dev/null; exit 0' TERM INT
( while kill -0 "$parent" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1; done; kill "$child" 2>/dev/null ) >/dev/null 2>&1 &
watcher=$!
wait $child
status=$?
kill $watcher 2>/dev/null
exit $status
`

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

async function waitForPort(options: {
  port: number
  child: ChildProcess
  output: () => string
}): Promise<void> {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (options.child.exitCode === 127) {
      throw new Error('Java 17 is required for DynamoDB Local: `java` was not found on PATH')
    }
    if (options.child.exitCode !== null) {
      throw new Error(`DynamoDB Local exited with code ${options.child.exitCode}:\n${options.output()}`)
    }
    if (await canConnect(options.port)) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  options.child.kill('SIGKILL')
  throw new Error(`DynamoDB Local did not listen on port ${options.port} within 30 s:\n${options.output()}`)
}

/**
 * Starts DynamoDB Local on a loopback port. With `dbPath` the data is kept in that folder
 * (shared-db, so credentials and region do not split it); without it, the database lives in memory.
 */
export async function startDynamoDbLocal(options: {
  dbPath?: string
  port?: number
}): Promise<RunningDynamoDbLocal> {
  const dir = emulatorDir()
  const jar = join(dir, 'DynamoDBLocal.jar')
  if (!existsSync(jar)) throw new Error(`DynamoDB Local not found at ${jar}: run the install again`)
  const port = options.port && options.port > 0 ? options.port : await findFreePort()
  const storage = options.dbPath ? ['-dbPath', options.dbPath] : ['-inMemory']
  const javaArgs = [
    '-Xmx512m',
    `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
    '-jar',
    jar,
    '-sharedDb',
    '-port',
    String(port),
    ...storage,
  ]
  const child = spawn('sh', ['-c', watchdogScript, 'dynamodb-local', String(process.pid), ...javaArgs], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000)
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  await waitForPort({ port, child, output: () => output })

  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      const killTimer = setTimeout(() => child.kill('SIGKILL'), 5_000)
      child.once('exit', () => {
        clearTimeout(killTimer)
        resolve()
      })
      child.kill('SIGTERM')
    })
  return { endpoint: `http://127.0.0.1:${port}`, port, stop }
}
