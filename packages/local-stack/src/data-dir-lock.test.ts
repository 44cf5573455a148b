import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DataDirLockedError, lockDataDir } from './data-dir-lock'

describe('lockDataDir', () => {
  const dirs: string[] = []
  const freshDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'pingce-lock-'))
    dirs.push(dir)
    return dir
  }
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  it('refuses a second holder while the first is alive, and frees the folder on release', () => {
    const dataDir = freshDir()
    const release = lockDataDir({ dataDir })
    expect(() => lockDataDir({ dataDir })).toThrow(DataDirLockedError)
    expect(() => lockDataDir({ dataDir })).toThrow(`pid ${process.pid}`)
    release()
    expect(existsSync(join(dataDir, 'pingce.lock'))).toBe(false)
    lockDataDir({ dataDir })()
  })

  it('takes over a lock left by a process that no longer exists', () => {
    const dataDir = freshDir()
    // Pids are below 2^22 on Linux; this one cannot be alive.
    writeFileSync(join(dataDir, 'pingce.lock'), '99999999')
    const release = lockDataDir({ dataDir })
    release()
  })
})
