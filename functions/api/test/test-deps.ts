import type { DependencyStatus, HealthProbe } from '@pingce/core'
import {
  createInMemoryStores,
  InMemoryBlobStore,
  InMemoryCredentialStore,
  InMemoryTenantDirectory,
} from '@pingce/core/fakes'
import type { AppDeps } from '../src/app'
import { LocalIdentityProvider } from '../src/auth/local-identity-provider'
import { createPasswordHasher } from '../src/auth/password-hasher'
import { createTokenSigner } from '../src/auth/token-signer'
import { createLogger } from '../src/logging/logger'

export type TestDeps = AppDeps & {
  lines: string[]
  identity: LocalIdentityProvider
  stores: ReturnType<typeof createInMemoryStores>
}

/**
 * App dependencies for in-process unit tests: in-memory fakes for every port, a fixed clock, a
 * sequence for ids, a cheap hasher (the memory-hard parameters are tested in
 * password-hasher.test.ts), logs in `lines`.
 */
export function testDeps(overrides: Partial<AppDeps> & { now?: () => Date } = {}): TestDeps {
  const lines: string[] = []
  const { now, ...rest } = overrides
  const clock = now ?? (() => new Date('2026-11-23T08:00:00.000Z'))
  let sequence = 0
  const identity = new LocalIdentityProvider({
    credentials: new InMemoryCredentialStore(),
    hasher: createPasswordHasher({ parameters: { memorySize: 256, iterations: 1, parallelism: 1 } }),
    signer: createTokenSigner({ secret: 'a-test-secret-of-at-least-32-bytes!!', clock }),
    clock,
  })
  const stores = createInMemoryStores()
  return {
    logger: createLogger({ level: 'debug', write: (line) => lines.push(line) }),
    probes: [fakeProbe('dynamodb', true), fakeProbe('s3', true)],
    maxBodyBytes: 1024,
    rateLimit: { capacity: 1000, refillPerSecond: 1000 },
    identity,
    tenants: new InMemoryTenantDirectory(),
    ...stores,
    blobs: new InMemoryBlobStore(),
    clock,
    newId: () => {
      sequence += 1
      return `u${String(sequence).padStart(4, '0')}`
    },
    lines,
    stores,
    ...rest,
  } as TestDeps
}

export function fakeProbe(name: string, ok: boolean): HealthProbe {
  const status: DependencyStatus = ok
    ? { name, ok, latencyMs: 1 }
    : { name, ok, latencyMs: 1, reason: 'TimeoutError' }
  return { name, check: async () => status }
}
