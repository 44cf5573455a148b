import type { DependencyStatus, HealthProbe } from '@pingce/core'
import { InMemoryBlobStore, InMemoryTenantDirectory } from '@pingce/core/fakes'
import type { AppDeps } from './app'
import { createLogger } from './logging/logger'

/** App dependencies for in-process unit tests: fakes for every port, logs collected in `lines`. */
export function testDeps(overrides: Partial<AppDeps> = {}): AppDeps & { lines: string[] } {
  const lines: string[] = []
  return {
    logger: createLogger({ level: 'debug', write: (line) => lines.push(line) }),
    probes: [fakeProbe('dynamodb', true), fakeProbe('s3', true)],
    maxBodyBytes: 1024,
    tenants: new InMemoryTenantDirectory(),
    blobs: new InMemoryBlobStore(),
    lines,
    ...overrides,
  }
}

export function fakeProbe(name: string, ok: boolean): HealthProbe {
  const status: DependencyStatus = ok
    ? { name, ok, latencyMs: 1 }
    : { name, ok, latencyMs: 1, reason: 'TimeoutError' }
  return { name, check: async () => status }
}
