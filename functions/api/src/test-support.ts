import type { DependencyStatus, HealthProbe } from '@pingce/core'
import {
  InMemoryBlobStore,
  InMemoryCredentialStore,
  InMemoryEvaluationStore,
  InMemoryOrgStore,
  InMemorySchemeStore,
  InMemoryTenantDirectory,
  InMemoryUserStore,
} from '@pingce/core/fakes'
import type { AppDeps } from './app'
import { LocalIdentityProvider } from './auth/local-identity-provider'
import { createPasswordHasher } from './auth/password-hasher'
import { createTokenSigner } from './auth/token-signer'
import { createLogger } from './logging/logger'

/**
 * App dependencies for in-process unit tests: in-memory fakes for every port, a fixed clock, a
 * cheap hasher (the memory-hard parameters are tested in password-hasher.test.ts), logs in `lines`.
 */
export function testDeps(
  overrides: Partial<AppDeps> & { now?: () => Date } = {},
): AppDeps & { lines: string[]; identity: LocalIdentityProvider } {
  const lines: string[] = []
  const clock = overrides.now ?? (() => new Date('2026-11-23T08:00:00.000Z'))
  let sequence = 0
  const identity = new LocalIdentityProvider({
    credentials: new InMemoryCredentialStore(),
    hasher: createPasswordHasher({ parameters: { memorySize: 256, iterations: 1, parallelism: 1 } }),
    signer: createTokenSigner({ secret: 'a-test-secret-of-at-least-32-bytes!!', clock }),
    clock,
  })
  return {
    logger: createLogger({ level: 'debug', write: (line) => lines.push(line) }),
    probes: [fakeProbe('dynamodb', true), fakeProbe('s3', true)],
    maxBodyBytes: 1024,
    auth: {
      identity,
      users: new InMemoryUserStore(),
      tenants: new InMemoryTenantDirectory(),
      clock,
      newId: () => {
        sequence += 1
        return `u${String(sequence).padStart(4, '0')}`
      },
    },
    rateLimit: { capacity: 1000, refillPerSecond: 1000 },
    blobs: new InMemoryBlobStore(),
    org: new InMemoryOrgStore(),
    schemes: new InMemorySchemeStore(),
    evaluations: new InMemoryEvaluationStore(),
    lines,
    identity,
    ...overrides,
  }
}

export function fakeProbe(name: string, ok: boolean): HealthProbe {
  const status: DependencyStatus = ok
    ? { name, ok, latencyMs: 1 }
    : { name, ok, latencyMs: 1, reason: 'TimeoutError' }
  return { name, check: async () => status }
}
