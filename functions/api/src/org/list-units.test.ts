import { describe, expect, it } from 'vitest'
import { actorOf } from '../../test/actors'
import { twoCitiesWithUnits } from '../../test/org-fixture'
import { listUnits } from './list-units'

const _admin = actorOf({ role: 'admin' })

const withUnits = twoCitiesWithUnits

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
