import { ForbiddenError, type TenantRole, ValidationError } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { actorOf } from '../../test/actors'
import { testDeps } from '../../test/test-deps'
import { putGroup } from './put-group'
import { putUnit } from './put-unit'

const admin = actorOf({ role: 'admin' })

async function withGroup() {
  const deps = testDeps()
  await putGroup({ deps, actor: admin, input: { groupId: 'county', name: '县（市、区）', sortOrder: 0 } })
  return deps
}

describe('putUnit', () => {
  it('creates a unit of an existing group, audited with nothing before', async () => {
    // Prepare
    const deps = await withGroup()
    // Act
    const unit = await putUnit({
      deps,
      actor: admin,
      input: {
        unitId: 'xinmi',
        groupId: 'county',
        name: '新密市',
        aliases: ['新密'],
        websites: [{ name: '新密市人民政府', url: 'https://www.xinmi.gov.cn/', status: 'active' }],
        newMediaAccounts: [],
      },
    })
    // Assess
    const expected = {
      unitId: 'xinmi',
      groupId: 'county',
      name: '新密市',
      aliases: ['新密'],
      websites: [{ name: '新密市人民政府', url: 'https://www.xinmi.gov.cn/', status: 'active' }],
      newMediaAccounts: [],
    }
    expect(unit).toEqual(expected)
    expect(await deps.stores.org.getUnit({ tenantId: 'zhengzhou', unitId: 'xinmi' })).toEqual(expected)
    expect(
      await deps.audit.listAudit({
        tenantId: 'zhengzhou',
        entity: { entityType: 'unit', entityId: 'xinmi' },
      }),
    ).toEqual([
      expect.objectContaining({
        action: 'unit.create',
        actorId: 'admin-1',
        actorRole: 'admin',
        before: null,
        after: expected,
      }),
    ])
  })

  it('replaces a unit, audited with the old unit as before', async () => {
    // Prepare
    const deps = await withGroup()
    const old = await putUnit({
      deps,
      actor: admin,
      input: {
        unitId: 'xinmi',
        groupId: 'county',
        name: '新密',
        aliases: [],
        websites: [],
        newMediaAccounts: [],
      },
    })
    // Act
    const replaced = await putUnit({
      deps,
      actor: admin,
      input: {
        unitId: 'xinmi',
        groupId: 'county',
        name: '新密市',
        aliases: ['新密'],
        websites: [],
        newMediaAccounts: [],
      },
    })
    // Assess
    expect(await deps.stores.org.getUnit({ tenantId: 'zhengzhou', unitId: 'xinmi' })).toEqual(replaced)
    const [latest] = await deps.audit.listAudit({
      tenantId: 'zhengzhou',
      entity: { entityType: 'unit', entityId: 'xinmi' },
    })
    expect(latest).toMatchObject({ action: 'unit.update', before: old, after: replaced })
  })

  it('refuses a unit of a missing group with a ValidationError naming groupId, and writes nothing', async () => {
    // Prepare
    const deps = await withGroup()
    // Act
    const error = await putUnit({
      deps,
      actor: admin,
      input: {
        unitId: 'gaoxin',
        groupId: 'zone',
        name: '高新区',
        aliases: [],
        websites: [],
        newMediaAccounts: [],
      },
    }).catch((caught: unknown) => caught)
    // Assess
    expect(error).toBeInstanceOf(ValidationError)
    expect(error).toMatchObject({ issues: [{ path: 'groupId' }] })
    expect(await deps.stores.org.listUnits({ tenantId: 'zhengzhou' })).toEqual([])
    expect(
      await deps.audit.listAudit({
        tenantId: 'zhengzhou',
        entity: { entityType: 'unit', entityId: 'gaoxin' },
      }),
    ).toEqual([])
  })

  it("does not accept another tenant's group as the unit's group", async () => {
    // Prepare
    const deps = await withGroup()
    // Act
    const attempt = putUnit({
      deps,
      actor: actorOf({ role: 'admin', tenantId: 'kaifeng' }),
      input: {
        unitId: 'lankao',
        groupId: 'county',
        name: '兰考县',
        aliases: [],
        websites: [],
        newMediaAccounts: [],
      },
    })
    // Assess
    await expect(attempt).rejects.toThrow(ValidationError)
    expect(await deps.stores.org.listUnits({ tenantId: 'kaifeng' })).toEqual([])
  })

  it.each<TenantRole>(['evaluator', 'supervisor', 'unit'])('refuses the role %s', async (role) => {
    // Prepare
    const deps = await withGroup()
    // Act
    const attempt = putUnit({
      deps,
      actor: actorOf({ role, unitId: 'xinmi' }),
      input: {
        unitId: 'xinmi',
        groupId: 'county',
        name: '新密市',
        aliases: [],
        websites: [],
        newMediaAccounts: [],
      },
    })
    // Assess
    await expect(attempt).rejects.toThrow(ForbiddenError)
    expect(await deps.stores.org.listUnits({ tenantId: 'zhengzhou' })).toEqual([])
  })
})
