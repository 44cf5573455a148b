import { describe, expect, it } from 'vitest'
import { createPasswordHasher } from './password-hasher'

describe('createPasswordHasher', () => {
  it('hashes with argon2id at the OWASP minimum and verifies the same password', async () => {
    // Prepare
    const hasher = createPasswordHasher()
    // Act
    const hash = await hasher.hash({ password: 'Zhengzhou2026' })
    // Assess
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/)
    expect(await hasher.verify({ password: 'Zhengzhou2026', hash })).toBe(true)
  })

  it('refuses a wrong password and salts every hash differently', async () => {
    const hasher = createPasswordHasher({ parameters: { memorySize: 1024, iterations: 1, parallelism: 1 } })
    const first = await hasher.hash({ password: 'Zhengzhou2026' })
    const second = await hasher.hash({ password: 'Zhengzhou2026' })
    expect(first).not.toBe(second)
    expect(await hasher.verify({ password: 'zhengzhou2026', hash: first })).toBe(false)
  })

  it('answers false for malformed or absurdly expensive stored hashes instead of throwing', async () => {
    const hasher = createPasswordHasher()
    expect(await hasher.verify({ password: 'x', hash: 'plain-text' })).toBe(false)
    expect(
      await hasher.verify({ password: 'x', hash: '$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHQ$aGFzaA' }),
    ).toBe(false)
  })
})
