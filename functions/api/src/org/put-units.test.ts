import { ForbiddenError, maxUnitsPerWrite, type TenantRole, type Unit, ValidationError } from '@pingce/core'
import { describe, expect, it, vi } from 'vitest'
import { actorOf } from '../../test/actors'
import { testDeps } from '../../test/test-deps'
import { putGroup } from './put-group'
import { putUnits } from './put-units'

const admin = actorOf({ role: 'admin' })

async function withGroups() {
  const deps = testDeps()
  await putGroup({ deps, actor: admin, input: { groupId: 'county', name: '县（市、区）', sortOrder: 1 } })
  await putGroup({ deps, actor: admin, input: { groupId: 'department', name: '部门（单位）', sortOrder: 2 } })
  return deps
}

function unitsOf(count: number, groupId = 'department'): Unit[] {
  return Array.from({ length: count }, (_, index) => ({
    unitId: `dept-${String(index).padStart(3, '0')}`,
    groupId,
    name: `部门${index}`,
    aliases: [],
    websites: [],
    newMediaAccounts: [],
  }))
}

describe('putUnits', () => {
  it(`writes more than ${maxUnitsPerWrite} units in chunks, each unit with its own audit entry`, async () => {
    // Prepare
    const deps = await withGroups()
    const writes = vi.spyOn(deps.stores.org, 'putUnits')
    const units = unitsOf(120)
    // Act
    const stored = await putUnits({ deps, actor: admin, input: { units } })
    // Assess
    expect(stored).toEqual(units)
    expect(writes.mock.calls.map(([write]) => write.units.length)).toEqual([50, 50, 20])
    expect(await deps.stores.org.listUnits({ tenantId: 'zhengzhou' })).toEqual(units)
    for (const unit of units) {
      expect(
        await deps.audit.listAudit({
          tenantId: 'zhengzhou',
          entity: { entityType: 'unit', entityId: unit.unitId },
        }),
      ).toEqual([expect.objectContaining({ action: 'unit.create', before: null, after: unit })])
    }
    const auditIds = (await deps.audit.listAudit({ tenantId: 'zhengzhou', limit: 1000 })).map(
      (e) => e.auditId,
    )
    expect(new Set(auditIds).size).toBe(auditIds.length)
  })

  it('audits a replaced unit with the old unit as before and a new one with null', async () => {
    // Prepare
    const deps = await withGroups()
    const [old] = await putUnits({
      deps,
      actor: admin,
      input: { units: [{ ...unitsOf(1)[0]!, name: '统计局' }] },
    })
    const replacement = { ...old!, name: '市统计局', aliases: ['统计局'] }
    const added = { ...unitsOf(2)[1]!, groupId: 'county' }
    // Act
    await putUnits({ deps, actor: admin, input: { units: [replacement, added] } })
    // Assess
    const [replaced] = await deps.audit.listAudit({
      tenantId: 'zhengzhou',
      entity: { entityType: 'unit', entityId: replacement.unitId },
    })
    expect(replaced).toMatchObject({ action: 'unit.update', before: old, after: replacement })
    expect(
      await deps.audit.listAudit({
        tenantId: 'zhengzhou',
        entity: { entityType: 'unit', entityId: added.unitId },
      }),
    ).toEqual([expect.objectContaining({ action: 'unit.create', before: null, after: added })])
  })

  it('refuses a batch with a unit of a missing group, naming units.<i>.groupId, and writes none of it', async () => {
    // Prepare
    const deps = await withGroups()
    const units = unitsOf(60)
    units[1] = { ...units[1]!, groupId: 'zone' }
    units[55] = { ...units[55]!, groupId: 'committee' }
    // Act
    const error = await putUnits({ deps, actor: admin, input: { units } }).catch((caught: unknown) => caught)
    // Assess
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual([
      'units.1.groupId',
      'units.55.groupId',
    ])
    expect(await deps.stores.org.listUnits({ tenantId: 'zhengzhou' })).toEqual([])
    expect(
      (await deps.audit.listAudit({ tenantId: 'zhengzhou' })).filter((entry) => entry.entityType === 'unit'),
    ).toEqual([])
  })

  it("keeps tenants apart: another tenant's groups do not count and its units stay untouched", async () => {
    // Prepare
    const deps = await withGroups()
    const kaifengAdmin = actorOf({ role: 'admin', tenantId: 'kaifeng' })
    await putGroup({
      deps,
      actor: kaifengAdmin,
      input: { groupId: 'department', name: '市直部门', sortOrder: 0 },
    })
    await putUnits({ deps, actor: kaifengAdmin, input: { units: unitsOf(1) } })
    // Act
    await putUnits({ deps, actor: admin, input: { units: [{ ...unitsOf(1)[0]!, name: '郑州部门' }] } })
    const refused = putUnits({
      deps,
      actor: kaifengAdmin,
      input: { units: unitsOf(1, 'county') },
    })
    // Assess
    await expect(refused).rejects.toThrow(ValidationError)
    expect(await deps.stores.org.listUnits({ tenantId: 'kaifeng' })).toEqual(unitsOf(1))
    const [zhengzhouEntry] = await deps.audit.listAudit({
      tenantId: 'zhengzhou',
      entity: { entityType: 'unit', entityId: 'dept-000' },
    })
    expect(zhengzhouEntry).toMatchObject({ action: 'unit.create', before: null })
  })

  it.each<TenantRole>(['evaluator', 'supervisor', 'unit'])('refuses the role %s', async (role) => {
    // Prepare
    const deps = await withGroups()
    // Act
    const attempt = putUnits({ deps, actor: actorOf({ role }), input: { units: unitsOf(2) } })
    // Assess
    await expect(attempt).rejects.toThrow(ForbiddenError)
    expect(await deps.stores.org.listUnits({ tenantId: 'zhengzhou' })).toEqual([])
  })

  it('refuses a unit id given twice in one batch, naming the second, and writes nothing', async () => {
    const deps = await withGroups()
    const [first, second] = unitsOf(2)
    const units = [first, second, { ...first, name: '重复' }] as Unit[]
    const attempt = putUnits({ deps, actor: admin, input: { units } })
    await expect(attempt).rejects.toMatchObject({
      issues: [{ path: 'units.2.unitId', message: 'duplicates units.0' }],
    })
    expect(await deps.stores.org.listUnits({ tenantId: 'zhengzhou' })).toEqual([])
  })

  it('refuses an invalid unit with a ValidationError naming its field, not a raw schema error', async () => {
    const deps = await withGroups()
    const [first] = unitsOf(1)
    const units = [first, { ...first, unitId: 'x', name: '' }] as Unit[]
    const attempt = putUnits({ deps, actor: admin, input: { units } })
    await expect(attempt).rejects.toBeInstanceOf(ValidationError)
    await expect(attempt).rejects.toMatchObject({ issues: [{ path: 'units.1.name' }] })
  })
})
