import { type AuditLog, maxUnitsPerWrite, type OrgStore, type Unit, type UnitGroup } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { auditOf, expectAudited, expectNotAudited, uniqueTenants } from './contract-fixtures'

export interface OrgStoreSubject {
  org: OrgStore
  audit: AuditLog
}

const groupOf = (groupId: string, sortOrder: number, name = `分组 ${groupId}`): UnitGroup => ({
  groupId,
  name,
  sortOrder,
})
const unitOf = (unitId: string, groupId: string, name = `单位 ${unitId}`): Unit => ({
  unitId,
  groupId,
  name,
  aliases: [],
  websites: [],
  newMediaAccounts: [],
})
const groupAudit = (groupId: string) =>
  auditOf({ action: 'group.put', entityType: 'group', entityId: groupId })
const unitAudit = (unit: Unit) => auditOf({ action: 'unit.put', entityType: 'unit', entityId: unit.unitId })
const unitsOf = (count: number, groupId: string) =>
  Array.from({ length: count }, (_, i) => unitOf(`u${String(i).padStart(2, '0')}`, groupId))

/** The OrgStore contract: groups and units, each write with its audit entries, at most 50 units a call. */
export function describeOrgStoreContract(name: string, make: () => Promise<OrgStoreSubject>): void {
  describe(`${name}: OrgStore contract`, () => {
    it('creates and replaces a group, auditing each write', async () => {
      // Prepare
      const { org, audit } = await make()
      const { a } = uniqueTenants()
      const created = groupAudit('county')
      const replaced = groupAudit('county')
      // Act
      await org.putGroup({ tenantId: a, group: groupOf('county', 1, '县'), audit: created })
      await org.putGroup({
        tenantId: a,
        group: { ...groupOf('county', 2, '县（市、区）'), code: 'A' },
        audit: replaced,
      })
      // Assess
      expect(await org.getGroup({ tenantId: a, groupId: 'county' })).toEqual({
        ...groupOf('county', 2, '县（市、区）'),
        code: 'A',
      })
      await expectAudited({ audit, tenantId: a, entry: created })
      await expectAudited({ audit, tenantId: a, entry: replaced })
    })

    it('lists groups by sortOrder, then by id', async () => {
      // Prepare
      const { org } = await make()
      const { a } = uniqueTenants()
      const groups = [groupOf('b', 2), groupOf('z', 1), groupOf('a', 1), groupOf('m', 0), groupOf('c', -1)]
      for (const group of groups) await org.putGroup({ tenantId: a, group, audit: groupAudit(group.groupId) })
      // Act
      const listed = await org.listGroups({ tenantId: a })
      // Assess
      expect(listed.map((group) => group.groupId)).toEqual(['c', 'm', 'a', 'z', 'b'])
    })

    it(`writes ${maxUnitsPerWrite} units with their ${maxUnitsPerWrite} audit entries in one call`, async () => {
      // Prepare
      const { org, audit } = await make()
      const { a } = uniqueTenants()
      const units = unitsOf(maxUnitsPerWrite, 'county').reverse()
      const entries = units.map(unitAudit)
      // Act
      await org.putUnits({ tenantId: a, units, audit: entries })
      // Assess: listed in id order; audit[i] is the trail of units[i]
      expect(await org.listUnits({ tenantId: a })).toEqual([...units].reverse())
      expect(await org.getUnit({ tenantId: a, unitId: 'u07' })).toEqual(unitOf('u07', 'county'))
      const trails = await Promise.all(
        units.map((unit) =>
          audit.listAudit({ tenantId: a, entity: { entityType: 'unit', entityId: unit.unitId } }),
        ),
      )
      expect(trails).toEqual(entries.map((entry) => [entry]))
      expect(await audit.listAudit({ tenantId: a })).toHaveLength(maxUnitsPerWrite)
    })

    it(`refuses more than ${maxUnitsPerWrite} units in one call, writing none`, async () => {
      // Prepare
      const { org, audit } = await make()
      const { a } = uniqueTenants()
      const units = unitsOf(maxUnitsPerWrite + 1, 'county')
      // Act
      const outcome = org.putUnits({ tenantId: a, units, audit: units.map(unitAudit) })
      // Assess
      await expect(outcome).rejects.toThrow()
      expect(await org.listUnits({ tenantId: a })).toEqual([])
      expect(await audit.listAudit({ tenantId: a })).toEqual([])
    })

    it('refuses audit entries that do not match the units one to one, writing none', async () => {
      // Prepare
      const { org, audit } = await make()
      const { a } = uniqueTenants()
      const units = unitsOf(2, 'county')
      const lone = unitAudit(units[0]!)
      // Act
      const tooFew = org.putUnits({ tenantId: a, units, audit: [lone] })
      const withoutUnits = org.putUnits({ tenantId: a, units: [], audit: [lone] })
      // Assess
      await expect(tooFew).rejects.toThrow()
      await expect(withoutUnits).rejects.toThrow()
      expect(await org.listUnits({ tenantId: a })).toEqual([])
      await expectNotAudited({ audit, tenantId: a, entry: lone })
    })

    it('lists the units of one group; a unit moved to another group leaves the first', async () => {
      // Prepare: group ids that share a prefix must not mix
      const { org } = await make()
      const { a } = uniqueTenants()
      const units = [unitOf('xinmi', 'county'), unitOf('audit', 'dept'), unitOf('gongyi', 'county-2')]
      await org.putUnits({ tenantId: a, units, audit: units.map(unitAudit) })
      const moved = unitOf('xinmi', 'dept', '新密市')
      // Act
      const before = await org.listUnits({ tenantId: a, groupId: 'county' })
      await org.putUnits({ tenantId: a, units: [moved], audit: [unitAudit(moved)] })
      // Assess
      expect(before).toEqual([unitOf('xinmi', 'county')])
      expect(await org.listUnits({ tenantId: a, groupId: 'county' })).toEqual([])
      expect(await org.listUnits({ tenantId: a, groupId: 'dept' })).toEqual([unitOf('audit', 'dept'), moved])
      expect(await org.getUnit({ tenantId: a, unitId: 'xinmi' })).toEqual(moved)
      expect(await org.listUnits({ tenantId: a })).toHaveLength(3)
    })

    it("keeps tenants apart: tenant B never sees tenant A's groups or units", async () => {
      // Prepare
      const { org } = await make()
      const { a, b } = uniqueTenants()
      await org.putGroup({ tenantId: a, group: groupOf('county', 1), audit: groupAudit('county') })
      const unit = unitOf('xinmi', 'county', '新密市')
      await org.putUnits({ tenantId: a, units: [unit], audit: [unitAudit(unit)] })
      // Act
      const seenByB = {
        group: await org.getGroup({ tenantId: b, groupId: 'county' }),
        groups: await org.listGroups({ tenantId: b }),
        unit: await org.getUnit({ tenantId: b, unitId: 'xinmi' }),
        units: await org.listUnits({ tenantId: b }),
        unitsOfGroup: await org.listUnits({ tenantId: b, groupId: 'county' }),
      }
      const ofB = unitOf('xinmi', 'county', '乙市新密')
      await org.putUnits({ tenantId: b, units: [ofB], audit: [unitAudit(ofB)] })
      // Assess
      expect(seenByB).toEqual({ group: undefined, groups: [], unit: undefined, units: [], unitsOfGroup: [] })
      expect(await org.getUnit({ tenantId: a, unitId: 'xinmi' })).toEqual(unit)
      expect(await org.listUnits({ tenantId: b, groupId: 'county' })).toEqual([ofB])
    })
  })
}
