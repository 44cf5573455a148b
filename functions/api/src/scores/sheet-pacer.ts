import { performance } from 'node:perf_hooks'
import { parseTooSlow } from './sheet-limits'

/** How long parsing may hold the event loop before it lets other requests run. */
const sliceMs = 10

export interface SheetPacer {
  /**
   * Called between small pieces of work: gives the event loop a turn once a slice is used up, and
   * refuses the file (413) once the time limit has passed.
   */
  pace(): Promise<void>
}

/**
 * Parsing runs on the request's own thread but in slices: other requests (and `/health/live`)
 * wait at most one slice, and a file that cannot be parsed in time is refused rather than finished.
 */
export function createSheetPacer(options: { timeLimitMs: number }): SheetPacer {
  const startedAt = performance.now()
  let sliceStartedAt = startedAt
  const checkDeadline = (now: number) => {
    if (now - startedAt > options.timeLimitMs) throw parseTooSlow({ maxMs: options.timeLimitMs })
  }
  return {
    async pace() {
      const now = performance.now()
      checkDeadline(now)
      if (now - sliceStartedAt < sliceMs) return
      await new Promise((resolve) => setImmediate(resolve))
      sliceStartedAt = performance.now()
      checkDeadline(sliceStartedAt)
    },
  }
}
