import { ForbiddenError, type TenantRole } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { actorOf } from '../../test/actors'
import { testDeps } from '../../test/test-deps'
import { putGroup } from '../org/put-group'
import { putUnit } from '../org/put-unit'
import { auditEntryOf } from './audit-entry-of'
import { listAudit } from './list-audit'

const admin = actorOf({ role: 'admin' })
const supervisor = actorOf({ role: 'supervisor' })

/** A trail of changes one second apart: the clock moves on each time it is read. */
async function withTrail() {
  let seconds = 0
  const deps = testDeps({ now: () => new Date(Date.UTC(2026, 10, 23, 8, 0, seconds++)) })
  await putGroup({ deps, actor: admin, input: { groupId: 'county', name: '县区', sortOrder: 0 } })
  await putUnit({
    deps,
    actor: admin,
    input: {
      unitId: 'xinmi',
      groupId: 'county',
      name: '新密市',
      aliases: [],
      websites: [],
      newMediaAccounts: [],
    },
  })
  await putGroup({ deps, actor: admin, input: { groupId: 'county', name: '县（市、区）', sortOrder: 0 } })
  for (const [evaluationId, entityId] of [
    ['ev-2016', 'xinmi'],
    ['ev-2017', 'xinmi'],
    ['ev-2016', 'xingyang'],
  ] as const) {
    await deps.audit.append({
      tenantId: 'zhengzhou',
      audit: auditEntryOf({
        actor: actorOf({ role: 'evaluator' }),
        at: deps.clock().toISOString(),
        newId: deps.newId,
        action: 'score.put',
        entityType: 'score',
        entityId,
        evaluationId,
        after: { value: 8 },
      }),
    })
  }
  await putGroup({
    deps,
    actor: actorOf({ role: 'admin', tenantId: 'kaifeng' }),
    input: { groupId: 'county', name: '开封县区', sortOrder: 0 },
  })
  return deps
}

describe('listAudit', () => {
  it("gives the tenant's whole trail newest first, none of another tenant's", async () => {
    // Prepare
    const deps = await withTrail()
    // Act
    const entries = await listAudit({ deps, actor: supervisor, input: { limit: 50 } })
    // Assess
    expect(entries.map((entry) => `${entry.action} ${entry.entityId}`)).toEqual([
      'score.put xingyang',
      'score.put xinmi',
      'score.put xinmi',
      'group.update county',
      'unit.create xinmi',
      'group.create county',
    ])
    expect(entries.map((entry) => entry.at)).toEqual([...entries.map((entry) => entry.at)].sort().reverse())
    expect(entries.some((entry) => (entry.after as { name?: string }).name === '开封县区')).toBe(false)
  })

  it("gives one evaluation's trail", async () => {
    // Prepare
    const deps = await withTrail()
    // Act
    const entries = await listAudit({ deps, actor: admin, input: { evaluationId: 'ev-2016', limit: 50 } })
    // Assess
    expect(entries.map((entry) => [entry.evaluationId, entry.entityId])).toEqual([
      ['ev-2016', 'xingyang'],
      ['ev-2016', 'xinmi'],
    ])
  })

  it("gives one entity's trail, with who, before and after", async () => {
    // Prepare
    const deps = await withTrail()
    // Act
    const entries = await listAudit({
      deps,
      actor: supervisor,
      input: { entityType: 'group', entityId: 'county', limit: 50 },
    })
    // Assess
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'group.update',
        actorId: 'admin-1',
        before: { groupId: 'county', name: '县区', sortOrder: 0 },
        after: { groupId: 'county', name: '县（市、区）', sortOrder: 0 },
      }),
      expect.objectContaining({ action: 'group.create', before: null }),
    ])
  })

  it('returns at most limit entries, the newest', async () => {
    // Prepare
    const deps = await withTrail()
    // Act
    const entries = await listAudit({ deps, actor: admin, input: { limit: 2 } })
    // Assess
    expect(entries.map((entry) => entry.entityId)).toEqual(['xingyang', 'xinmi'])
    expect(entries.map((entry) => entry.evaluationId)).toEqual(['ev-2016', 'ev-2017'])
  })

  it.each<TenantRole>(['evaluator', 'unit'])('refuses the role %s', async (role) => {
    // Prepare
    const deps = await withTrail()
    // Act
    const attempt = listAudit({ deps, actor: actorOf({ role, unitId: 'xinmi' }), input: { limit: 50 } })
    // Assess
    await expect(attempt).rejects.toThrow(ForbiddenError)
  })
})
