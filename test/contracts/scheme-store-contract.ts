import { type AuditLog, ConflictError, type SchemeStore, type StoredScheme } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { at, auditOf, expectAudited, expectNotAudited, uniqueTenants } from './contract-fixtures'

export interface SchemeStoreSubject {
  schemes: SchemeStore
  audit: AuditLog
}

const schemeOf = (schemeId: string, version: number, document: unknown = { version }): StoredScheme => ({
  schemeId,
  version,
  name: `方案 ${schemeId}`,
  document,
  createdAt: at,
  createdBy: 'u-admin',
})
const schemeAudit = (scheme: StoredScheme) =>
  auditOf({
    action: 'scheme.create',
    entityType: 'scheme',
    entityId: scheme.schemeId,
    after: { version: scheme.version },
  })

/** The SchemeStore contract: immutable versions, the latest found by number. */
export function describeSchemeStoreContract(name: string, make: () => Promise<SchemeStoreSubject>): void {
  describe(`${name}: SchemeStore contract`, () => {
    it('stores versions, reads each back and audits each', async () => {
      // Prepare
      const { schemes, audit } = await make()
      const { a } = uniqueTenants()
      const versions = [schemeOf('zz', 1, { groups: [{ id: 'county' }] }), schemeOf('zz', 2)]
      const entries = versions.map(schemeAudit)
      // Act
      for (const [i, scheme] of versions.entries()) {
        await schemes.createVersion({ tenantId: a, scheme, audit: entries[i]! })
      }
      // Assess
      expect(await schemes.getVersion({ tenantId: a, schemeId: 'zz', version: 1 })).toEqual(versions[0])
      expect(await schemes.getVersion({ tenantId: a, schemeId: 'zz', version: 2 })).toEqual(versions[1])
      expect(await schemes.getVersion({ tenantId: a, schemeId: 'zz', version: 3 })).toBeUndefined()
      for (const entry of entries) await expectAudited({ audit, tenantId: a, entry })
    })

    it('refuses an existing version with ConflictError naming it, keeping the stored one', async () => {
      // Prepare
      const { schemes, audit } = await make()
      const { a } = uniqueTenants()
      const stored = schemeOf('zz', 1, { a: 1 })
      await schemes.createVersion({ tenantId: a, scheme: stored, audit: schemeAudit(stored) })
      const rival = schemeOf('zz', 1, { a: 2 })
      const refused = schemeAudit(rival)
      // Act
      const error = await schemes
        .createVersion({ tenantId: a, scheme: rival, audit: refused })
        .catch((caught: unknown) => caught)
      // Assess
      expect(error).toBeInstanceOf(ConflictError)
      expect((error as ConflictError).issues[0]?.path).toBe('version')
      expect(await schemes.getVersion({ tenantId: a, schemeId: 'zz', version: 1 })).toEqual(stored)
      await expectNotAudited({ audit, tenantId: a, entry: refused })
    })

    it('finds the latest version by number, whatever the order of storing', async () => {
      // Prepare: version 10 sorts before 2 as text; zz-2 shares the prefix
      const { schemes } = await make()
      const { a } = uniqueTenants()
      const stored = [schemeOf('zz', 2), schemeOf('zz', 10), schemeOf('zz', 1), schemeOf('zz-2', 11)]
      for (const scheme of stored)
        await schemes.createVersion({ tenantId: a, scheme, audit: schemeAudit(scheme) })
      // Act
      const latest = await schemes.getLatest({ tenantId: a, schemeId: 'zz' })
      // Assess
      expect(latest).toEqual(schemeOf('zz', 10))
      expect(await schemes.getLatest({ tenantId: a, schemeId: 'z' })).toBeUndefined()
    })

    it('lists the latest version of every scheme, in scheme-id order', async () => {
      // Prepare
      const { schemes } = await make()
      const { a } = uniqueTenants()
      const stored = [
        schemeOf('b', 1),
        schemeOf('b', 2),
        schemeOf('a-b', 1),
        schemeOf('a', 3),
        schemeOf('A', 1),
        schemeOf('a', 12),
      ]
      for (const scheme of stored)
        await schemes.createVersion({ tenantId: a, scheme, audit: schemeAudit(scheme) })
      // Act
      const listed = await schemes.listLatest({ tenantId: a })
      // Assess
      expect(listed).toEqual([schemeOf('A', 1), schemeOf('a', 12), schemeOf('a-b', 1), schemeOf('b', 2)])
    })

    it("keeps tenants apart: tenant B never sees tenant A's schemes and stores its own", async () => {
      // Prepare
      const { schemes } = await make()
      const { a, b } = uniqueTenants()
      const ofA = schemeOf('zz', 1, { city: 'a' })
      await schemes.createVersion({ tenantId: a, scheme: ofA, audit: schemeAudit(ofA) })
      // Act
      const seenByB = {
        version: await schemes.getVersion({ tenantId: b, schemeId: 'zz', version: 1 }),
        latest: await schemes.getLatest({ tenantId: b, schemeId: 'zz' }),
        all: await schemes.listLatest({ tenantId: b }),
      }
      const ofB = schemeOf('zz', 1, { city: 'b' })
      await schemes.createVersion({ tenantId: b, scheme: ofB, audit: schemeAudit(ofB) })
      // Assess
      expect(seenByB).toEqual({ version: undefined, latest: undefined, all: [] })
      expect(await schemes.listLatest({ tenantId: a })).toEqual([ofA])
      expect(await schemes.listLatest({ tenantId: b })).toEqual([ofB])
    })
  })
}
