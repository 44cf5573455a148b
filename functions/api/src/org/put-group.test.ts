import { ForbiddenError, type TenantRole } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { actorOf } from '../../test/actors'
import { testDeps } from '../../test/test-deps'
import { putGroup } from './put-group'

const at = '2026-11-23T08:00:00.000Z'
const admin = actorOf({ role: 'admin' })

describe('putGroup', () => {
  it('creates a group, audited as a creation with nothing before', async () => {
    // Prepare
    const deps = testDeps()
    // Act
    const group = await putGroup({
      deps,
      actor: admin,
      input: { groupId: 'county', name: '县（市、区）', code: 'A', sortOrder: 0 },
    })
    // Assess
    expect(group).toEqual({ groupId: 'county', name: '县（市、区）', code: 'A', sortOrder: 0 })
    expect(await deps.stores.org.listGroups({ tenantId: 'zhengzhou' })).toEqual([group])
    expect(
      await deps.audit.listAudit({
        tenantId: 'zhengzhou',
        entity: { entityType: 'group', entityId: 'county' },
      }),
    ).toEqual([
      {
        auditId: 'u0001',
        at,
        actorId: 'admin-1',
        actorRole: 'admin',
        action: 'group.create',
        entityType: 'group',
        entityId: 'county',
        before: null,
        after: group,
      },
    ])
  })

  it('replaces a group, audited as an update with what it was before', async () => {
    // Prepare
    const deps = testDeps()
    const original = await putGroup({
      deps,
      actor: admin,
      input: { groupId: 'zone', name: '开发区', sortOrder: 2 },
    })
    // Act
    const replaced = await putGroup({
      deps,
      actor: admin,
      input: { groupId: 'zone', name: '开发区（园区）', sortOrder: 3 },
    })
    // Assess
    expect(await deps.stores.org.getGroup({ tenantId: 'zhengzhou', groupId: 'zone' })).toEqual(replaced)
    const [latest] = await deps.audit.listAudit({
      tenantId: 'zhengzhou',
      entity: { entityType: 'group', entityId: 'zone' },
    })
    expect(latest).toMatchObject({ action: 'group.update', before: original, after: replaced })
  })

  it.each<TenantRole>(['evaluator', 'supervisor', 'unit'])(
    'refuses the role %s and writes nothing',
    async (role) => {
      // Prepare
      const deps = testDeps()
      // Act
      const attempt = putGroup({
        deps,
        actor: actorOf({ role }),
        input: { groupId: 'county', name: '县区', sortOrder: 0 },
      })
      // Assess
      await expect(attempt).rejects.toThrow(ForbiddenError)
      expect(await deps.stores.org.listGroups({ tenantId: 'zhengzhou' })).toEqual([])
      expect(await deps.audit.listAudit({ tenantId: 'zhengzhou' })).toEqual([])
    },
  )

  it("keeps tenants apart: the same group id in another tenant is a new group there, not a change of this one's", async () => {
    // Prepare
    const deps = testDeps()
    await putGroup({ deps, actor: admin, input: { groupId: 'county', name: '县（市、区）', sortOrder: 0 } })
    // Act
    await putGroup({
      deps,
      actor: actorOf({ role: 'admin', tenantId: 'kaifeng' }),
      input: { groupId: 'county', name: '县区', sortOrder: 0 },
    })
    // Assess
    expect(await deps.stores.org.getGroup({ tenantId: 'zhengzhou', groupId: 'county' })).toMatchObject({
      name: '县（市、区）',
    })
    expect(
      await deps.audit.listAudit({
        tenantId: 'kaifeng',
        entity: { entityType: 'group', entityId: 'county' },
      }),
    ).toEqual([expect.objectContaining({ action: 'group.create', before: null })])
    expect(
      await deps.audit.listAudit({
        tenantId: 'zhengzhou',
        entity: { entityType: 'group', entityId: 'county' },
      }),
    ).toHaveLength(1)
  })
})
