import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'

/** Raised when another running Pingce already holds the data directory. */
export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED'
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `另一个 Pingce 实例 (pid ${pid}) 正在使用数据目录 ${dataDir}。请先停止它 (Ctrl-C)。\n` +
        `Another Pingce (pid ${pid}) is already running on the data directory ${dataDir}. Stop it first (Ctrl-C).`,
    )
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Takes the data directory for this process. Two DynamoDB Local processes on one database file
 * would corrupt it, so a second start fails clearly; a lock left by a crashed process is taken over.
 * Returns the release function.
 */
export function lockDataDir(options: { dataDir: string }): () => void {
  const lockPath = join(options.dataDir, 'pingce.lock')
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockPath, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      return () => rmSync(lockPath, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number.parseInt(readFileSync(lockPath, 'utf8'), 10)
      if (Number.isInteger(holder) && isAlive(holder)) {
        throw new DataDirLockedError(options.dataDir, holder)
      }
      rmSync(lockPath, { force: true })
    }
  }
  throw new Error(`could not lock ${lockPath}`)
}
