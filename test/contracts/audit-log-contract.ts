import type { AuditEntry, AuditLog } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { auditOf, uniqueTenants } from './contract-fixtures'

export interface AuditLogSubject {
  audit: AuditLog
}

const ids = (entries: AuditEntry[]) => entries.map((entry) => entry.auditId)

/** The AuditLog contract: the three trails (tenant, evaluation, entity), newest first, with limits. */
export function describeAuditLogContract(name: string, make: () => Promise<AuditLogSubject>): void {
  describe(`${name}: AuditLog contract`, () => {
    it('lists the tenant trail newest first, whatever the order of appending', async () => {
      // Prepare
      const { audit } = await make()
      const { a } = uniqueTenants()
      const [first, second, third] = [1, 2, 3].map(() =>
        auditOf({ action: 'x', entityType: 'unit', entityId: 'u1' }),
      )
      // Act
      for (const entry of [second!, third!, first!]) await audit.append({ tenantId: a, audit: entry })
      // Assess
      expect(await audit.listAudit({ tenantId: a })).toEqual([third, second, first])
    })

    it('orders entries of the same instant by audit id, the greatest first', async () => {
      // Prepare: one instant, as when one write records 50 units
      const { audit } = await make()
      const { a } = uniqueTenants()
      const instant = auditOf({ action: 'x', entityType: 'unit', entityId: 'u1' }).at
      const entries = ['a2', 'a10', 'a1', 'b'].map((auditId) =>
        auditOf({
          action: 'x',
          entityType: 'unit',
          entityId: 'u1',
          evaluationId: 'e1',
          auditId,
          at: instant,
        }),
      )
      // Act
      for (const entry of entries) await audit.append({ tenantId: a, audit: entry })
      // Assess: string order of the ids, as the keys sort
      const expected = ['b', 'a2', 'a10', 'a1']
      expect(ids(await audit.listAudit({ tenantId: a }))).toEqual(expected)
      expect(ids(await audit.listAudit({ tenantId: a, evaluationId: 'e1' }))).toEqual(expected)
      const entity = { entityType: 'unit', entityId: 'u1' }
      expect(ids(await audit.listAudit({ tenantId: a, entity }))).toEqual(expected)
      expect(ids(await audit.listAudit({ tenantId: a, limit: 2 }))).toEqual(['b', 'a2'])
    })

    it("lists one evaluation's trail and one entity's trail, newest first", async () => {
      // Prepare: ids that share a prefix (e1 / e10, xinmi / xinmi-2) must not mix
      const { audit } = await make()
      const { a } = uniqueTenants()
      const entries = [
        auditOf({ action: 'x', entityType: 'unit', entityId: 'xinmi', evaluationId: 'e1' }),
        auditOf({ action: 'x', entityType: 'unit', entityId: 'xinmi-2', evaluationId: 'e1' }),
        auditOf({ action: 'x', entityType: 'unit', entityId: 'xinmi', evaluationId: 'e10' }),
        auditOf({ action: 'x', entityType: 'user', entityId: 'xinmi' }),
        auditOf({ action: 'x', entityType: 'unit', entityId: 'xinmi' }),
      ]
      for (const entry of entries) await audit.append({ tenantId: a, audit: entry })
      const [inE1, otherUnitInE1, inE10, user, noEvaluation] = entries
      // Act
      const ofE1 = await audit.listAudit({ tenantId: a, evaluationId: 'e1' })
      const ofXinmi = await audit.listAudit({
        tenantId: a,
        entity: { entityType: 'unit', entityId: 'xinmi' },
      })
      // Assess
      expect(ofE1).toEqual([otherUnitInE1, inE1])
      expect(ofXinmi).toEqual([noEvaluation, inE10, inE1])
      expect(
        await audit.listAudit({ tenantId: a, entity: { entityType: 'user', entityId: 'xinmi' } }),
      ).toEqual([user])
    })

    it('filters by entity and evaluation together, the limit counting only what matches', async () => {
      // Prepare: three entries of the unit in e1 (older), two in e2 (newer), one of another unit in e1
      const { audit } = await make()
      const { a } = uniqueTenants()
      const unit = { entityType: 'unit', entityId: 'xinmi' }
      const entries = [
        auditOf({ action: 'x', ...unit, evaluationId: 'e1' }),
        auditOf({ action: 'x', ...unit, evaluationId: 'e1' }),
        auditOf({ action: 'x', entityType: 'unit', entityId: 'gongyi', evaluationId: 'e1' }),
        auditOf({ action: 'x', ...unit, evaluationId: 'e1' }),
        auditOf({ action: 'x', ...unit, evaluationId: 'e2' }),
        auditOf({ action: 'x', ...unit, evaluationId: 'e2' }),
      ]
      for (const entry of entries) await audit.append({ tenantId: a, audit: entry })
      // Act
      const all = await audit.listAudit({ tenantId: a, entity: unit, evaluationId: 'e1' })
      const limited = await audit.listAudit({ tenantId: a, entity: unit, evaluationId: 'e1', limit: 2 })
      // Assess
      expect(all).toEqual([entries[3], entries[1], entries[0]])
      expect(limited).toEqual([entries[3], entries[1]])
    })

    it('honours the limit on every trail, keeping the newest', async () => {
      // Prepare
      const { audit } = await make()
      const { a } = uniqueTenants()
      const unit = { entityType: 'unit', entityId: 'xinmi' }
      const entries = [1, 2, 3, 4].map(() => auditOf({ action: 'x', ...unit, evaluationId: 'e1' }))
      for (const entry of entries) await audit.append({ tenantId: a, audit: entry })
      // Act
      const trails = await Promise.all([
        audit.listAudit({ tenantId: a, limit: 3 }),
        audit.listAudit({ tenantId: a, evaluationId: 'e1', limit: 2 }),
        audit.listAudit({ tenantId: a, entity: unit, limit: 1 }),
      ])
      // Assess
      expect(trails).toEqual([[entries[3], entries[2], entries[1]], [entries[3], entries[2]], [entries[3]]])
    })

    it('keeps what an entry says: before, after and reason come back as written', async () => {
      // Prepare
      const { audit } = await make()
      const { a } = uniqueTenants()
      const entry = auditOf({
        action: 'score.put',
        entityType: 'score',
        entityId: 'xinmi|score|info||',
        evaluationId: 'e1',
        before: { value: 26.14, version: 1, note: null },
        after: { value: 26.5, version: 2, tags: ['复核', 'b'] },
        reason: '复核后更正',
      })
      // Act
      await audit.append({ tenantId: a, audit: entry })
      // Assess
      expect(await audit.listAudit({ tenantId: a })).toEqual([entry])
    })

    it("keeps tenants apart: tenant B's trails never hold tenant A's entries", async () => {
      // Prepare
      const { audit } = await make()
      const { a, b } = uniqueTenants()
      const unit = { entityType: 'unit', entityId: 'xinmi' }
      const ofA = auditOf({ action: 'x', ...unit, evaluationId: 'e1' })
      await audit.append({ tenantId: a, audit: ofA })
      const ofB = auditOf({ action: 'x', ...unit, evaluationId: 'e1' })
      // Act
      const before = await Promise.all([
        audit.listAudit({ tenantId: b }),
        audit.listAudit({ tenantId: b, evaluationId: 'e1' }),
        audit.listAudit({ tenantId: b, entity: unit }),
        audit.listAudit({ tenantId: b, entity: unit, evaluationId: 'e1' }),
      ])
      await audit.append({ tenantId: b, audit: ofB })
      // Assess
      expect(before).toEqual([[], [], [], []])
      expect(await audit.listAudit({ tenantId: b, entity: unit, evaluationId: 'e1' })).toEqual([ofB])
      expect(await audit.listAudit({ tenantId: a })).toEqual([ofA])
    })
  })
}
