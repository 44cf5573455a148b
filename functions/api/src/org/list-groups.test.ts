import type { TenantRole } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { actorOf } from '../../test/actors'
import { testDeps } from '../../test/test-deps'
import { listGroups } from './list-groups'
import { putGroup } from './put-group'

const admin = actorOf({ role: 'admin' })

async function withGroups() {
  const deps = testDeps()
  await putGroup({ deps, actor: admin, input: { groupId: 'department', name: '部门（单位）', sortOrder: 3 } })
  await putGroup({ deps, actor: admin, input: { groupId: 'county', name: '县（市、区）', sortOrder: 1 } })
  await putGroup({ deps, actor: admin, input: { groupId: 'zone', name: '开发区', sortOrder: 2 } })
  await putGroup({
    deps,
    actor: actorOf({ role: 'admin', tenantId: 'kaifeng' }),
    input: { groupId: 'kaifeng-county', name: '县区', sortOrder: 0 },
  })
  return deps
}

describe('listGroups', () => {
  it("lists the tenant's groups in their display order, none of another tenant's", async () => {
    // Prepare
    const deps = await withGroups()
    // Act
    const groups = await listGroups({ deps, actor: admin })
    // Assess
    expect(groups.map((group) => group.groupId)).toEqual(['county', 'zone', 'department'])
  })

  it('shows another tenant only its own groups', async () => {
    // Prepare
    const deps = await withGroups()
    // Act
    const groups = await listGroups({ deps, actor: actorOf({ role: 'supervisor', tenantId: 'kaifeng' }) })
    // Assess
    expect(groups).toEqual([{ groupId: 'kaifeng-county', name: '县区', sortOrder: 0 }])
  })

  it.each<TenantRole>(['evaluator', 'supervisor', 'unit'])(
    'lets the role %s read the groups',
    async (role) => {
      // Prepare
      const deps = await withGroups()
      // Act
      const groups = await listGroups({ deps, actor: actorOf({ role, unitId: 'xinmi' }) })
      // Assess
      expect(groups).toHaveLength(3)
    },
  )
})
