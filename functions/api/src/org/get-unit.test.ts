import { NotFoundError } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { actorOf } from '../../test/actors'
import { twoCitiesWithUnits } from '../../test/org-fixture'
import { getUnit } from './get-unit'

const admin = actorOf({ role: 'admin' })

const withUnits = twoCitiesWithUnits

describe('getUnit', () => {
  it('gives an evaluator any unit of the tenant', async () => {
    // Prepare
    const deps = await withUnits()
    // Act
    const unit = await getUnit({ deps, actor: actorOf({ role: 'evaluator' }), input: { unitId: 'xingyang' } })
    // Assess
    expect(unit).toEqual({
      unitId: 'xingyang',
      groupId: 'county',
      name: '荥阳市',
      aliases: [],
      websites: [],
      newMediaAccounts: [],
    })
  })

  it('gives a unit user its own unit', async () => {
    // Prepare
    const deps = await withUnits()
    // Act
    const unit = await getUnit({
      deps,
      actor: actorOf({ role: 'unit', unitId: 'xinmi' }),
      input: { unitId: 'xinmi' },
    })
    // Assess
    expect(unit).toMatchObject({ unitId: 'xinmi', name: '新密市' })
  })

  it("answers NotFound to a unit user asking for another unit's id", async () => {
    // Prepare
    const deps = await withUnits()
    // Act
    const attempt = getUnit({
      deps,
      actor: actorOf({ role: 'unit', unitId: 'xinmi' }),
      input: { unitId: 'xingyang' },
    })
    // Assess
    await expect(attempt).rejects.toThrow(NotFoundError)
  })

  it("answers NotFound for another tenant's unit id, as for an unknown one", async () => {
    // Prepare
    const deps = await withUnits()
    // Act
    const foreign = getUnit({ deps, actor: admin, input: { unitId: 'lankao' } })
    const unknown = getUnit({ deps, actor: admin, input: { unitId: 'nowhere' } })
    // Assess
    await expect(foreign).rejects.toThrow(NotFoundError)
    await expect(unknown).rejects.toThrow(NotFoundError)
  })
})
