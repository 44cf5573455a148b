import { NotFoundError } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { actorOf } from '../../test/actors'
import { testDeps } from '../../test/test-deps'
import { getUnit } from './get-unit'
import { putGroup } from './put-group'
import { putUnits } from './put-units'

const admin = actorOf({ role: 'admin' })

async function withUnits() {
  const deps = testDeps()
  await putGroup({ deps, actor: admin, input: { groupId: 'county', name: '县（市、区）', sortOrder: 0 } })
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
