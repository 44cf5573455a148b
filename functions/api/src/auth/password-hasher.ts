import { timingSafeEqual } from 'node:crypto'
import { argon2id } from 'hash-wasm'

export interface PasswordHasher {
  /** A PHC string carrying algorithm, parameters, salt and hash. */
  hash(options: { password: string }): Promise<string>
  /** Recomputes with the stored parameters and compares in constant time; false for any malformed hash. */
  verify(options: { password: string; hash: string }): Promise<boolean>
}

export interface Argon2Parameters {
  /** Memory in KiB. */
  memorySize: number
  iterations: number
  parallelism: number
}

/**
 * OWASP's minimum for argon2id (m = 19 MiB, t = 2, p = 1): about 60 ms on a 1 GiB arm64 Lambda,
 * memory-hard enough that a stolen table is expensive to crack, cheap enough for a sign-in.
 */
export const owaspArgon2Parameters: Argon2Parameters = { memorySize: 19_456, iterations: 2, parallelism: 1 }

const hashLength = 32
const saltLength = 16
const phcPattern = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/
// Bounds for parameters read back from a stored hash, so a corrupted item cannot make one
// verification allocate gigabytes or spin for minutes.
const maxMemorySize = 262_144
const maxIterations = 10

/**
 * argon2id through hash-wasm: pure WebAssembly, so the same hashes come out on x86 laptops and on
 * Lambda arm64 without native builds. hash-wasm's own `argon2Verify` compares with `===`, hence the
 * own verify with `timingSafeEqual`.
 */
export function createPasswordHasher(options: { parameters?: Argon2Parameters } = {}): PasswordHasher {
  const parameters = options.parameters ?? owaspArgon2Parameters
  return {
    async hash({ password }) {
      return argon2id({
        password,
        salt: crypto.getRandomValues(new Uint8Array(saltLength)),
        ...parameters,
        hashLength,
        outputType: 'encoded',
      })
    },
    async verify({ password, hash }) {
      const match = phcPattern.exec(hash)
      if (!match) return false
      const [, memory, iterations, parallelism, salt, expected] = match
      const memorySize = Number(memory)
      const iterationCount = Number(iterations)
      if (memorySize > maxMemorySize || iterationCount > maxIterations) return false
      const expectedBytes = Buffer.from(expected ?? '', 'base64')
      const actual = await argon2id({
        password,
        salt: Buffer.from(salt ?? '', 'base64'),
        memorySize,
        iterations: iterationCount,
        parallelism: Number(parallelism),
        hashLength: expectedBytes.length,
        outputType: 'binary',
      })
      return actual.length === expectedBytes.length && timingSafeEqual(actual, expectedBytes)
    },
  }
}
