import type { Unit } from '@pingce/core'
import { putGroup } from '../src/org/put-group'
import { putUnits } from '../src/org/put-units'
import { actorOf } from './actors'
import { type TestDeps, testDeps } from './test-deps'

/** A unit with nothing but its id, group and name. */
export function unitOf(unitId: string, groupId: string, name: string): Unit {
  return { unitId, groupId, name, aliases: [], websites: [], newMediaAccounts: [] }
}

/**
 * Two cities set up through the use cases: 郑州 with counties 新密市 and 荥阳市 and the zone
 * 郑州高新区, 开封 with the county 兰考县 (what must never show from 郑州).
 */
export async function twoCitiesWithUnits(): Promise<TestDeps> {
  const deps = testDeps()
  const admin = actorOf({ role: 'admin' })
  await putGroup({ deps, actor: admin, input: { groupId: 'county', name: '县（市、区）', sortOrder: 0 } })
  await putGroup({ deps, actor: admin, input: { groupId: 'zone', name: '开发区', sortOrder: 0 } })
  const units = [
    unitOf('xinmi', 'county', '新密市'),
    unitOf('xingyang', 'county', '荥阳市'),
    unitOf('gaoxin', 'zone', '郑州高新区'),
  ]
  await putUnits({ deps, actor: admin, input: { units } })
  const kaifengAdmin = actorOf({ role: 'admin', tenantId: 'kaifeng' })
  await putGroup({ deps, actor: kaifengAdmin, input: { groupId: 'county', name: '县区', sortOrder: 0 } })
  await putUnits({ deps, actor: kaifengAdmin, input: { units: [unitOf('lankao', 'county', '兰考县')] } })
  return deps
}
