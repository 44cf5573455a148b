import { ConflictError, type CredentialStore, type StoredCredential } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { uniqueSuffix, uniqueTenants } from './contract-fixtures'

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
