import { describe, expect, it } from 'vitest'
import { actorOf } from '../../test/actors'
import { testDeps } from '../../test/test-deps'
import { listUnits } from './list-units'
import { putGroup } from './put-group'
import { putUnits } from './put-units'

const admin = actorOf({ role: 'admin' })

async function withUnits() {
  const deps = testDeps()
  await putGroup({ deps, actor: admin, input: { groupId: 'county', name: '县（市、区）', sortOrder: 0 } })
  await putGroup({ deps, actor: admin, input: { groupId: 'zone', name: '开发区', sortOrder: 0 } })
  await putUnits({
    deps,
    actor: admin,
    input: {
      units: [
        {
          unitId: 'xinmi',
          groupId: 'county',
          name: '新密市',
          aliases: [],
          websites: [],
          newMediaAccounts: [],
        },
        {
          unitId: 'xingyang',
          groupId: 'county',
          name: '荥阳市',
          aliases: [],
          websites: [],
          newMediaAccounts: [],
        },
        {
          unitId: 'gaoxin',
          groupId: 'zone',
          name: '郑州高新区',
          aliases: [],
          websites: [],
          newMediaAccounts: [],
        },
      ],
    },
  })
  const kaifengAdmin = actorOf({ role: 'admin', tenantId: 'kaifeng' })
  await putGroup({ deps, actor: kaifengAdmin, input: { groupId: 'county', name: '县区', sortOrder: 0 } })
  await putUnits({
    deps,
    actor: kaifengAdmin,
    input: {
      units: [
        {
          unitId: 'lankao',
          groupId: 'county',
          name: '兰考县',
          aliases: [],
          websites: [],
          newMediaAccounts: [],
        },
      ],
    },
  })
  return deps
}

describe('listUnits', () => {
  it("lists every unit of the tenant for a supervisor, none of another tenant's", async () => {
    // Prepare
    const deps = await withUnits()
    // Act
    const units = await listUnits({ deps, actor: actorOf({ role: 'supervisor' }), input: {} })
    // Assess
    expect(units.map((unit) => unit.unitId)).toEqual(['gaoxin', 'xingyang', 'xinmi'])
  })

  it("lists one group's units when a group is named", async () => {
    // Prepare
    const deps = await withUnits()
    // Act
    const units = await listUnits({
      deps,
      actor: actorOf({ role: 'evaluator' }),
      input: { groupId: 'county' },
    })
    // Assess
    expect(units.map((unit) => unit.unitId)).toEqual(['xingyang', 'xinmi'])
  })

  it('shows a unit user only its own unit', async () => {
    // Prepare
    const deps = await withUnits()
    // Act
    const units = await listUnits({ deps, actor: actorOf({ role: 'unit', unitId: 'xinmi' }), input: {} })
    // Assess
    expect(units).toEqual([expect.objectContaining({ unitId: 'xinmi', name: '新密市' })])
  })

  it('shows a unit user nothing in a group its unit is not in', async () => {
    // Prepare
    const deps = await withUnits()
    // Act
    const units = await listUnits({
      deps,
      actor: actorOf({ role: 'unit', unitId: 'xinmi' }),
      input: { groupId: 'zone' },
    })
    // Assess
    expect(units).toEqual([])
  })

  it("shows a unit user of another tenant with the same unit id nothing of this tenant's", async () => {
    // Prepare
    const deps = await withUnits()
    // Act
    const units = await listUnits({
      deps,
      actor: actorOf({ role: 'unit', tenantId: 'kaifeng', unitId: 'xinmi' }),
      input: {},
    })
    // Assess
    expect(units).toEqual([])
  })
})
