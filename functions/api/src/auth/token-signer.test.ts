import type { AuthContext } from '@pingce/core'
import { SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import { createTokenSigner } from './token-signer'

const secret = 'a-test-secret-of-at-least-32-bytes!!'
const admin: AuthContext = {
  userId: 'u-1',
  email: 'admin@zhengzhou.gov.cn',
  role: 'admin',
  tenantId: 'zhengzhou',
  unitId: undefined,
}

function clockAt(iso: string): { clock: () => Date; set(next: string): void } {
  let now = new Date(iso)
  return { clock: () => now, set: (next) => (now = new Date(next)) }
}

describe('createTokenSigner', () => {
  it('signs a token that verifies back to the same caller', async () => {
    // Prepare
    const signer = createTokenSigner({ secret })
    // Act
    const issued = await signer.sign({ context: admin })
    // Assess
    expect(issued).toMatchObject({ tokenType: 'Bearer', expiresIn: 3600 })
    expect(await signer.verify({ token: issued.accessToken })).toEqual(admin)
  })

  it('refuses a token after its expiry', async () => {
    const time = clockAt('2026-11-23T08:00:00Z')
    const signer = createTokenSigner({ secret, expiresInSeconds: 600, clock: time.clock })
    const { accessToken } = await signer.sign({ context: admin })
    time.set('2026-11-23T08:09:00Z')
    await expect(signer.verify({ token: accessToken })).resolves.toEqual(admin)
    time.set('2026-11-23T08:10:01Z')
    await expect(signer.verify({ token: accessToken })).rejects.toMatchObject({
      status: 401,
      message: '登录已过期，请重新登录',
    })
  })

  it('refuses a tampered payload and a token signed with another secret', async () => {
    const signer = createTokenSigner({ secret })
    const { accessToken } = await signer.sign({ context: admin })
    const [header, payload, signature] = accessToken.split('.')
    const forged = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString())
    forged.tid = 'kaifeng'
    const tampered = `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`
    await expect(signer.verify({ token: tampered })).rejects.toMatchObject({ status: 401 })
    const other = createTokenSigner({ secret: 'another-secret-of-at-least-32-bytes!' })
    await expect(other.verify({ token: accessToken })).rejects.toMatchObject({ status: 401 })
  })

  it('refuses a wrong audience or issuer and the none algorithm', async () => {
    const signer = createTokenSigner({ secret })
    const key = new TextEncoder().encode(secret)
    const base = () =>
      new SignJWT({ email: admin.email, role: 'admin', tid: 'zhengzhou' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('u-1')
        .setIssuedAt()
        .setExpirationTime('1h')
    const wrongAudience = await base().setIssuer('pingce-local').setAudience('elsewhere').sign(key)
    const wrongIssuer = await base().setIssuer('someone').setAudience('pingce').sign(key)
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${wrongAudience.split('.')[1]}.`
    for (const token of [wrongAudience, wrongIssuer, unsigned, 'not-a-jwt']) {
      await expect(signer.verify({ token })).rejects.toMatchObject({ status: 401 })
    }
  })

  it('refuses a well-signed token whose claims are inconsistent', async () => {
    const signer = createTokenSigner({ secret })
    const { accessToken } = await signer.sign({ context: { ...admin, role: 'unit' } })
    await expect(signer.verify({ token: accessToken })).rejects.toMatchObject({ status: 401 })
  })

  it('refuses a well-signed token whose tenant, user or unit id is not a valid id', async () => {
    const signer = createTokenSigner({ secret })
    const key = new TextEncoder().encode(secret)
    const signed = (claims: Record<string, string>, subject = 'u-1') =>
      new SignJWT({ email: admin.email, role: 'admin', ...claims })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(subject)
        .setIssuer('pingce-local')
        .setAudience('pingce')
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(key)
    const tokens = [
      await signed({ tid: 'TENANT#x' }),
      await signed({ tid: 'A B' }),
      await signed({ tid: 'zhengzhou' }, 'u#1'),
      await signed({ tid: 'zhengzhou', role: 'unit', unit: 'UNIT#y' }),
    ]
    for (const token of tokens) {
      await expect(signer.verify({ token })).rejects.toMatchObject({ status: 401 })
    }
    await expect(signer.verify({ token: await signed({ tid: 'zhengzhou' }) })).resolves.toEqual(admin)
  })

  it('refuses a secret too short to resist brute force', () => {
    expect(() => createTokenSigner({ secret: 'short' })).toThrow('32 bytes')
  })
})
