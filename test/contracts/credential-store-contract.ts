import { ConflictError, type CredentialStore, type StoredCredential } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { at, uniqueSuffix, uniqueTenants } from './contract-fixtures'

export interface CredentialStoreSubject {
  credentials: CredentialStore
}

const credentialOf = (overrides: Partial<StoredCredential> = {}): StoredCredential => ({
  email: `li-${uniqueSuffix()}@zhengzhou.gov.cn`,
  tenantId: uniqueTenants().a,
  userId: 'u-li',
  role: 'evaluator',
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
  failedAttempts: 0,
  isDisabled: false,
  version: 1,
  ...overrides,
})

/** The CredentialStore contract. Logins are platform data: each case uses emails of its own. */
export function describeCredentialStoreContract(
  name: string,
  make: () => Promise<CredentialStoreSubject>,
): void {
  describe(`${name}: CredentialStore contract`, () => {
    it('claims an email once, whatever its case, keeping the first login', async () => {
      // Prepare
      const { credentials } = await make()
      const first = credentialOf({ email: `Li-${uniqueSuffix()}@ZhengZhou.gov.cn` })
      await credentials.createCredential({ credential: first })
      const lowered = first.email.toLowerCase()
      // Act
      const error = await credentials
        .createCredential({ credential: { ...credentialOf(), email: lowered, userId: 'u-other' } })
        .catch((caught: unknown) => caught)
      // Assess
      expect(error).toBeInstanceOf(ConflictError)
      expect((error as ConflictError).issues[0]?.path).toBe('email')
      expect(await credentials.getByEmail({ email: first.email })).toEqual({ ...first, email: lowered })
      expect(await credentials.getByEmail({ email: lowered })).toMatchObject({ userId: 'u-li' })
    })

    it("finds a login by tenant and user, and the operator's with no tenant", async () => {
      // Prepare
      const { credentials } = await make()
      const { a, b } = uniqueTenants()
      const ofA = credentialOf({ tenantId: a })
      const operatorId = `op-${uniqueSuffix()}`
      const operator = credentialOf({ tenantId: undefined, userId: operatorId, role: 'platform-operator' })
      await credentials.createCredential({ credential: ofA })
      await credentials.createCredential({ credential: operator })
      // Act
      const found = await credentials.getByUser({ tenantId: a, userId: 'u-li' })
      // Assess
      expect(found).toEqual(ofA)
      expect(await credentials.getByUser({ tenantId: b, userId: 'u-li' })).toBeUndefined()
      expect(await credentials.getByUser({ tenantId: undefined, userId: operatorId })).toEqual(operator)
      expect(await credentials.getByUser({ tenantId: a, userId: operatorId })).toBeUndefined()
    })

    it('updates at the stored version, storing version + 1; a stale update changes nothing', async () => {
      // Prepare
      const { credentials } = await make()
      const stored = credentialOf()
      await credentials.createCredential({ credential: stored })
      const failedOnce = { ...stored, failedAttempts: 1 }
      // Act
      const updated = await credentials.updateCredential({ credential: failedOnce })
      const stale = await credentials
        .updateCredential({ credential: { ...stored, isDisabled: true } })
        .catch((caught: unknown) => caught)
      // Assess
      expect(updated).toEqual({ ...failedOnce, version: 2 })
      expect(stale).toBeInstanceOf(ConflictError)
      expect(await credentials.getByEmail({ email: stored.email })).toEqual({ ...failedOnce, version: 2 })
    })

    it('refuses to update a login that does not exist, creating none', async () => {
      // Prepare
      const { credentials } = await make()
      const missing = credentialOf()
      // Act
      const error = await credentials
        .updateCredential({ credential: missing })
        .catch((caught: unknown) => caught)
      // Assess
      expect(error).toBeInstanceOf(ConflictError)
      expect(await credentials.getByEmail({ email: missing.email })).toBeUndefined()
    })

    it('admits at most maxAttempts of parallel sign-in attempts, counting each admitted one', async () => {
      // Prepare
      const { credentials } = await make()
      const stored = credentialOf()
      await credentials.createCredential({ credential: stored })
      // Act
      const outcomes = await Promise.all(
        Array.from({ length: 30 }, () =>
          credentials.admitSignInAttempt({ email: stored.email.toUpperCase(), maxAttempts: 5, now: at }),
        ),
      )
      // Assess
      expect(outcomes.filter((outcome) => outcome.isApplied)).toHaveLength(5)
      expect(outcomes.every((outcome) => outcome.credential?.userId === 'u-li')).toBe(true)
      expect(await credentials.getByEmail({ email: stored.email })).toEqual({
        ...stored,
        failedAttempts: 5,
        version: 6,
      })
    })

    it('locks out once the attempts are used up, refuses until the lock ends, then admits afresh', async () => {
      // Prepare
      const { credentials } = await make()
      const stored = credentialOf({ failedAttempts: 4 })
      await credentials.createCredential({ credential: stored })
      const { email } = stored
      const until = '2026-11-23T08:15:00.000Z'
      // Act
      const early = await credentials.lockOutIfExhausted({ email, maxAttempts: 5, lockedUntil: until })
      await credentials.admitSignInAttempt({ email, maxAttempts: 5, now: at })
      const locked = await credentials.lockOutIfExhausted({ email, maxAttempts: 5, lockedUntil: until })
      const again = await credentials.lockOutIfExhausted({ email, maxAttempts: 5, lockedUntil: until })
      const during = await credentials.admitSignInAttempt({
        email,
        maxAttempts: 5,
        now: '2026-11-23T08:14:59.999Z',
      })
      const clearedDuring = await credentials.clearFailedAttempts({ email, now: '2026-11-23T08:14:59.999Z' })
      const after = await credentials.admitSignInAttempt({ email, maxAttempts: 5, now: until })
      // Assess
      expect(early).toEqual({ isApplied: false, credential: stored })
      expect(locked).toEqual({
        isApplied: true,
        credential: { ...stored, failedAttempts: 0, lockedUntil: until, version: 3 },
      })
      expect(again.isApplied).toBe(false)
      expect(during).toEqual({ isApplied: false, credential: locked.credential })
      expect(clearedDuring).toEqual({ isApplied: false, credential: locked.credential })
      expect(after.isApplied).toBe(true)
      expect(after.credential).toEqual({ ...stored, failedAttempts: 1, version: 4 })
      expect(after.credential?.lockedUntil).toBeUndefined()
    })

    it('clears the count after a success unless locked, and answers a missing login with nothing', async () => {
      // Prepare
      const { credentials } = await make()
      const stored = credentialOf({ failedAttempts: 3 })
      await credentials.createCredential({ credential: stored })
      const missing = credentialOf().email
      // Act
      const cleared = await credentials.clearFailedAttempts({ email: stored.email, now: at })
      const outcomes = [
        await credentials.admitSignInAttempt({ email: missing, maxAttempts: 5, now: at }),
        await credentials.lockOutIfExhausted({ email: missing, maxAttempts: 0, lockedUntil: at }),
        await credentials.clearFailedAttempts({ email: missing, now: at }),
      ]
      // Assess
      expect(cleared).toEqual({ isApplied: true, credential: { ...stored, failedAttempts: 0, version: 2 } })
      expect(outcomes).toEqual([
        { isApplied: false, credential: undefined },
        { isApplied: false, credential: undefined },
        { isApplied: false, credential: undefined },
      ])
      expect(await credentials.getByEmail({ email: missing })).toBeUndefined()
    })

    it('deletes a login, freeing the email', async () => {
      // Prepare
      const { credentials } = await make()
      const stored = credentialOf()
      await credentials.createCredential({ credential: stored })
      // Act
      await credentials.deleteCredential({ email: stored.email.toUpperCase() })
      // Assess
      expect(await credentials.getByEmail({ email: stored.email })).toBeUndefined()
      expect(await credentials.getByUser({ tenantId: stored.tenantId, userId: 'u-li' })).toBeUndefined()
      await credentials.createCredential({ credential: { ...stored, userId: 'u-new' } })
      expect(await credentials.getByEmail({ email: stored.email })).toMatchObject({ userId: 'u-new' })
    })
  })
}
