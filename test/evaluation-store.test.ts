import { PutCommand } from '@aws-sdk/lib-dynamodb'
import {
  DynamoEvaluationStore,
  DynamoOrgStore,
  DynamoSchemeStore,
  queryAll,
  sharedTenantClients,
  tenantKeys,
  writeAllOrNothing,
} from '@pingce/aws'
import { type AuditEntry, ConflictError, type ScoreEntry, scoreEntryId } from '@pingce/core'
import { sampleEvaluation } from '@pingce/core/fakes'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestStorage, type TestStorage } from './support/local-storage'

const at = '2026-11-23T08:00:00.000Z'
let auditCounter = 0
const audit = (overrides: Partial<AuditEntry> = {}): AuditEntry => {
  auditCounter += 1
  return {
    auditId: `a${auditCounter}`,
    at,
    actorId: 'u-admin',
    actorRole: 'admin',
    action: 'test',
    entityType: 'evaluation',
    entityId: 'zz-2016',
    evaluationId: 'zz-2016',
    ...overrides,
  }
}
const evaluation = sampleEvaluation({
  evaluationId: 'zz-2016',
  name: '2016 年度政府网站绩效评估',
  period: { kind: 'year', year: 2016 },
  groups: [{ groupId: 'county', schemeId: 'zz', schemeVersion: 1 }],
})
const score = (unitId: string, key: string, value: number | null, version = 1): ScoreEntry => ({
  unitId,
  kind: 'score',
  key,
  value,
  version,
  updatedAt: at,
  updatedBy: 'u-eval',
})

describe('DynamoDB stores on DynamoDB Local', () => {
  let storage: TestStorage
  let store: DynamoEvaluationStore

  beforeAll(async () => {
    storage = await createTestStorage()
    store = new DynamoEvaluationStore({
      clients: sharedTenantClients(storage.clients),
      tableName: storage.tableName,
    })
    await store.createEvaluation({ tenantId: 'zhengzhou', evaluation, audit: audit({ action: 'create' }) })
  })

  it('refuses a second evaluation with the same id and keeps the first', async () => {
    await expect(
      store.createEvaluation({
        tenantId: 'zhengzhou',
        evaluation: { ...evaluation, name: 'x' },
        audit: audit(),
      }),
    ).rejects.toBeInstanceOf(ConflictError)
    expect((await store.getEvaluation({ tenantId: 'zhengzhou', evaluationId: 'zz-2016' }))?.name).toBe(
      evaluation.name,
    )
  })

  it('gives the second of two concurrent score edits a 409 with the current value, losing nothing', async () => {
    await store.putScore({
      tenantId: 'zhengzhou',
      evaluationId: 'zz-2016',
      entry: score('xinmi', 'info', 26.14),
      expectedVersion: undefined,
      audit: audit(),
    })
    const first = store.putScore({
      tenantId: 'zhengzhou',
      evaluationId: 'zz-2016',
      entry: score('xinmi', 'info', 26.5, 2),
      expectedVersion: 1,
      audit: audit(),
    })
    const second = store.putScore({
      tenantId: 'zhengzhou',
      evaluationId: 'zz-2016',
      entry: score('xinmi', 'info', 27, 2),
      expectedVersion: 1,
      audit: audit(),
    })
    const outcomes = await Promise.allSettled([first, second])
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1)
    const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult
    expect(rejected.reason).toBeInstanceOf(ConflictError)
    const stored = await store.getScore({
      tenantId: 'zhengzhou',
      evaluationId: 'zz-2016',
      entryId: scoreEntryId(score('xinmi', 'info', 0)),
    })
    expect((rejected.reason as ConflictError).details?.current).toEqual(stored)
    expect(stored?.version).toBe(2)
  })

  it('writes every score change with its audit entry', async () => {
    const trail = await store.listAudit({ tenantId: 'zhengzhou', evaluationId: 'zz-2016' })
    expect(trail.length).toBeGreaterThanOrEqual(3)
    expect(await store.listAudit({ tenantId: 'kaifeng', evaluationId: 'zz-2016' })).toEqual([])
  })

  it('applies a 250-entry import all at once, and a second time not at all', async () => {
    const entries = Array.from({ length: 250 }, (_, i) => score(`u${i}`, 'info', i / 4))
    const record = {
      importId: 'imp-1',
      fileName: 'scores.xlsx',
      entryCount: 250,
      importedAt: at,
      importedBy: 'u-eval',
    }
    const input = {
      tenantId: 'zhengzhou',
      evaluationId: 'zz-2016',
      record,
      entries,
      audit: audit({ action: 'import' }),
    }
    expect(await store.applyImport(input)).toEqual({ alreadyApplied: false })
    expect(await store.applyImport(input)).toEqual({ alreadyApplied: true })
    const scores = await store.listScores({ tenantId: 'zhengzhou', evaluationId: 'zz-2016' })
    expect(scores).toHaveLength(251)
    expect(scores.find((s) => s.unitId === 'u249')?.value).toBe(62.25)
  })

  it('rolls back the chunks already written when a later chunk fails', async () => {
    const { doc } = storage.clients
    const tableName = storage.tableName
    const key = (i: number) => tenantKeys.score('zhengzhou', 'rollback', `e${i}`)
    // Item 150 exists already at version 5, so the import's guard (create) fails in the second chunk.
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...key(150), version: 5 },
      }),
    )
    const writes = Array.from({ length: 200 }, (_, i) => ({
      key: key(i),
      item: { ...key(i), version: 1, value: i },
      before: undefined,
    }))
    await expect(writeAllOrNothing({ doc, tableName, writes, finalItems: [] })).rejects.toThrow()
    const left = await queryAll({
      doc,
      input: {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': 'TENANT#zhengzhou', ':p': 'EVAL#rollback#' },
      },
    })
    expect(left).toEqual([{ ...key(150), version: 5 }])
  })

  it('publishes results with the status change, immutable and readable in one query', async () => {
    const current = await store.getEvaluation({ tenantId: 'zhengzhou', evaluationId: 'zz-2016' })
    const published = { ...current!, status: 'published' as const, version: current!.version + 1 }
    const results = [
      { groupId: 'county', revision: 0, computedAt: at, body: { rows: [{ unit: '新密市', total: 89.41 }] } },
    ]
    await store.updateEvaluation({
      tenantId: 'zhengzhou',
      evaluation: published,
      expectedVersion: current!.version,
      audit: audit({ action: 'publish' }),
      results,
    })
    expect(await store.getResults({ tenantId: 'zhengzhou', evaluationId: 'zz-2016', revision: 0 })).toEqual(
      results,
    )
    // A stale writer, or a second publication of revision 0, changes nothing.
    await expect(
      store.updateEvaluation({
        tenantId: 'zhengzhou',
        evaluation: { ...published, version: published.version + 1 },
        expectedVersion: current!.version,
        audit: audit(),
        results: [{ ...results[0]!, body: { rows: [] } }],
      }),
    ).rejects.toBeInstanceOf(ConflictError)
    expect(await store.getResults({ tenantId: 'zhengzhou', evaluationId: 'zz-2016', revision: 0 })).toEqual(
      results,
    )
  })

  it('keeps scheme versions immutable and finds the latest', async () => {
    const schemes = new DynamoSchemeStore({
      clients: sharedTenantClients(storage.clients),
      tableName: storage.tableName,
    })
    const base = {
      schemeId: 'zz',
      name: '郑州 2016',
      document: { a: 1 },
      createdAt: at,
      createdBy: 'u-admin',
    }
    await schemes.createVersion({ tenantId: 'zhengzhou', scheme: { ...base, version: 1 } })
    await schemes.createVersion({
      tenantId: 'zhengzhou',
      scheme: { ...base, version: 2, document: { a: 2 } },
    })
    await expect(
      schemes.createVersion({ tenantId: 'zhengzhou', scheme: { ...base, version: 2 } }),
    ).rejects.toBeInstanceOf(ConflictError)
    expect((await schemes.getLatest({ tenantId: 'zhengzhou', schemeId: 'zz' }))?.document).toEqual({ a: 2 })
    expect((await schemes.listLatest({ tenantId: 'zhengzhou' })).map((s) => s.version)).toEqual([2])
    expect(await schemes.listLatest({ tenantId: 'kaifeng' })).toEqual([])
  })

  it('lists the units of a group through GSI1', async () => {
    const org = new DynamoOrgStore({
      clients: sharedTenantClients(storage.clients),
      tableName: storage.tableName,
    })
    await org.putGroup({
      tenantId: 'zhengzhou',
      group: { groupId: 'county', name: '县（市、区）', sortOrder: 1 },
    })
    await org.putUnits({
      tenantId: 'zhengzhou',
      units: [
        {
          unitId: 'xinmi',
          groupId: 'county',
          name: '新密市',
          aliases: [],
          websites: [],
          newMediaAccounts: [],
        },
        { unitId: 'audit', groupId: 'dept', name: '审计局', aliases: [], websites: [], newMediaAccounts: [] },
      ],
    })
    expect((await org.listUnits({ tenantId: 'zhengzhou', groupId: 'county' })).map((u) => u.name)).toEqual([
      '新密市',
    ])
    expect(await org.listUnits({ tenantId: 'zhengzhou' })).toHaveLength(2)
    expect(await org.listUnits({ tenantId: 'kaifeng' })).toEqual([])
  })
})
