import { gzipSync } from 'node:zlib'
import { type DynamoDBDocumentClient, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import {
  DynamoAuditLog,
  DynamoCredentialStore,
  DynamoEvaluationStore,
  DynamoOrgStore,
  DynamoResultStore,
  DynamoSchemeStore,
  DynamoScoreStore,
  DynamoTenantDirectory,
  DynamoUserStore,
  type ForeignRow,
  sharedTenantClients,
  type TenantScopedClients,
  tenantKeys,
} from '@pingce/aws'
import { ConflictError, StoredDataError } from '@pingce/core'
import { sampleEvaluation } from '@pingce/core/fakes'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestStorage, type TestStorage } from '../support/local-storage'
import { describeAuditLogContract } from './audit-log-contract'
import {
  at,
  auditOf,
  importAuditOf,
  importRecordOf,
  scoreOf,
  uniqueTenants,
  unitIdsOf,
} from './contract-fixtures'
import { describeCredentialStoreContract } from './credential-store-contract'
import { describeEvaluationStoreContract } from './evaluation-store-contract'
import { describeOrgStoreContract } from './org-store-contract'
import { describeResultStoreContract } from './result-store-contract'
import { describeSchemeStoreContract } from './scheme-store-contract'
import { describeScoreImportContract } from './score-import-contract'
import { describeScoreStoreContract } from './score-store-contract'
import { describeTenantDirectoryContract } from './tenant-directory-contract'
import { describeUserStoreContract } from './user-store-contract'

/*
 * The DynamoDB stores on DynamoDB Local against the port contracts that in-memory-stores.test.ts
 * runs on the fakes. One table for the file: every case takes tenants (and platform ids) of its own.
 * The last two blocks are DynamoDB only (see in-memory-stores.test.ts for why).
 */

let storage: TestStorage
beforeAll(async () => {
  storage = await createTestStorage()
})

function dynamoStores(clients: TenantScopedClients = sharedTenantClients(storage.clients)) {
  const options = { clients, tableName: storage.tableName }
  return {
    audit: new DynamoAuditLog(options),
    evaluations: new DynamoEvaluationStore(options),
    results: new DynamoResultStore(options),
    scores: new DynamoScoreStore(options),
    org: new DynamoOrgStore(options),
    schemes: new DynamoSchemeStore(options),
    users: new DynamoUserStore(options),
  }
}
const stores = async () => dynamoStores()
const platform = () => ({ doc: storage.clients.doc, tableName: storage.tableName })

describeAuditLogContract('DynamoAuditLog', stores)
describeEvaluationStoreContract('DynamoEvaluationStore', stores)
describeResultStoreContract('DynamoResultStore', stores)
describeScoreStoreContract('DynamoScoreStore', stores)
describeScoreImportContract('DynamoScoreStore', stores)
describeOrgStoreContract('DynamoOrgStore', stores)
describeSchemeStoreContract('DynamoSchemeStore', stores)
describeUserStoreContract('DynamoUserStore', stores)
describeTenantDirectoryContract('DynamoTenantDirectory', async () => ({
  tenants: new DynamoTenantDirectory(platform()),
}))
describeCredentialStoreContract('DynamoCredentialStore', async () => ({
  credentials: new DynamoCredentialStore(platform()),
}))

describe('DynamoResultStore (DynamoDB only: a snapshot stored corrupt)', () => {
  const writeRaw = async (options: { tenantId: string; body: Uint8Array }) => {
    await storage.clients.doc.send(
      new PutCommand({
        TableName: storage.tableName,
        Item: {
          ...tenantKeys.result(options.tenantId, 'zz-2016', 0, 'county'),
          type: 'Result',
          groupId: 'county',
          revision: 0,
          computedAt: at,
          body: options.body,
        },
      }),
    )
  }

  it('reads a snapshot that does not match the published schema as StoredDataError', async () => {
    // Prepare
    const { a } = uniqueTenants()
    await writeRaw({ tenantId: a, body: gzipSync(JSON.stringify({ groupId: 'county', rows: 'none' })) })
    // Act
    const outcome = dynamoStores().results.getPublished({ tenantId: a, evaluationId: 'zz-2016', revision: 0 })
    // Assess
    await expect(outcome).rejects.toBeInstanceOf(StoredDataError)
  })

  it('reads a body that is not gzip-compressed JSON as StoredDataError', async () => {
    // Prepare
    const { a } = uniqueTenants()
    await writeRaw({ tenantId: a, body: new TextEncoder().encode('{"groupId":"county"}') })
    // Act
    const outcome = dynamoStores().results.getPublished({ tenantId: a, evaluationId: 'zz-2016', revision: 0 })
    // Assess
    await expect(outcome).rejects.toBeInstanceOf(StoredDataError)
  })
})

describe('index reads (DynamoDB only: a row indexed under another tenant)', () => {
  it("drops and reports an index row whose own partition is another tenant's", async () => {
    // Prepare: a bug wrote a's evaluation and unit with b's index keys
    const { a, b } = uniqueTenants()
    const evaluation = sampleEvaluation({ evaluationId: 'leak' })
    for (const item of [
      {
        ...tenantKeys.evaluation(a, 'leak'),
        ...tenantKeys.evaluationByPeriod(b, '2020', 'leak'),
        type: 'Evaluation',
        ...evaluation,
      },
      {
        ...tenantKeys.unit(a, 'leak'),
        ...tenantKeys.unitByGroup(b, 'county', 'leak'),
        type: 'Unit',
        unitId: 'leak',
        groupId: 'county',
        name: '泄漏',
        aliases: [],
        websites: [],
        newMediaAccounts: [],
      },
    ]) {
      await storage.clients.doc.send(new PutCommand({ TableName: storage.tableName, Item: item }))
    }
    const reported: ForeignRow[] = []
    const options = {
      clients: sharedTenantClients(storage.clients),
      tableName: storage.tableName,
      onForeignRow: (row: ForeignRow) => reported.push(row),
    }
    // Act
    const evaluations = await new DynamoEvaluationStore(options).listEvaluations({ tenantId: b })
    const units = await new DynamoOrgStore(options).listUnits({ tenantId: b, groupId: 'county' })
    // Assess
    expect(evaluations).toEqual([])
    expect(units).toEqual([])
    expect(reported.map((row) => [row.index, row.pk, row.expectedPk])).toEqual([
      ['gsi1', `TENANT#${a}`, `TENANT#${b}`],
      ['gsi1', `TENANT#${a}`, `TENANT#${b}`],
    ])
  })
})

describe('DynamoScoreStore (DynamoDB only: what happens between the chunks of an import)', () => {
  /**
   * Clients whose `beforeTransaction(n, act)` runs `act` just before their n-th transaction; `act`
   * may throw, and with `isDead` every later call fails too (a process killed at that point).
   */
  function interleavingClients(): {
    clients: TenantScopedClients
    beforeTransaction: (n: number, act: () => Promise<void>, options?: { isDead: boolean }) => void
  } {
    const { doc } = storage.clients
    let sent = 0
    let hook: { n: number; act: () => Promise<void>; isDead: boolean } | undefined
    let isDead = false
    const send = async (command: unknown) => {
      if (isDead) throw new Error('the process is gone')
      if (command instanceof TransactWriteCommand) {
        sent += 1
        if (hook?.n === sent) {
          await hook.act()
          isDead = hook.isDead
          if (isDead) throw new Error('the process is gone')
        }
      }
      return (doc.send as (command: unknown) => Promise<unknown>).call(doc, command)
    }
    const watched = new Proxy(doc, {
      get: (target, property, receiver) =>
        property === 'send' ? send : Reflect.get(target, property, receiver),
    }) as DynamoDBDocumentClient
    return {
      clients: { forTenant: async () => ({ doc: watched, s3: storage.clients.s3 }) },
      beforeTransaction: (n, act, options) => {
        sent = 0
        hook = { n, act, isDead: options?.isDead ?? false }
      },
    }
  }

  /** A draft evaluation with 250 scores at version 1. */
  async function scoredDraft() {
    const { a } = uniqueTenants()
    const plain = dynamoStores()
    const evaluation = { tenantId: a, evaluationId: 'zz-2016' }
    await plain.evaluations.createEvaluation({
      tenantId: a,
      evaluation: sampleEvaluation({ evaluationId: 'zz-2016' }),
      audit: auditOf({
        action: 'evaluation.create',
        entityType: 'evaluation',
        entityId: 'zz-2016',
        evaluationId: 'zz-2016',
      }),
    })
    const unitIds = unitIdsOf(250)
    await plain.scores.applyImport({
      ...evaluation,
      evaluationVersion: 1,
      record: importRecordOf('imp-1', 250),
      entries: unitIds.map((unitId) => scoreOf({ unitId, value: 1 })),
      audit: importAuditOf('imp-1'),
    })
    return { a, plain, evaluation, unitIds, before: await plain.scores.listScores(evaluation) }
  }

  it('refuses a score write that comes while an import is pending, and the import completes', async () => {
    // Prepare: the second import of all 250 goes in a claim, three chunks and a final transaction
    const { plain, evaluation, unitIds, before } = await scoredDraft()
    const watching = interleavingClients()
    let concurrent: unknown
    watching.beforeTransaction(3, async () => {
      concurrent = await plain.scores
        .putScore({
          ...evaluation,
          evaluationVersion: 1,
          entry: { ...before[220]!, value: 99, version: 2 },
          expectedVersion: 1,
          audit: auditOf({
            action: 'score.put',
            entityType: 'score',
            entityId: 'u220',
            evaluationId: 'zz-2016',
          }),
        })
        .catch((caught: unknown) => caught)
    })
    // Act
    const outcome = await dynamoStores(watching.clients).scores.applyImport({
      ...evaluation,
      evaluationVersion: 1,
      record: importRecordOf('imp-2', 250),
      entries: unitIds.map((unitId) => scoreOf({ unitId, value: 2 })),
      audit: importAuditOf('imp-2'),
    })
    // Assess
    expect(concurrent).toBeInstanceOf(ConflictError)
    expect((concurrent as ConflictError).details).toMatchObject({ reason: 'import-pending' })
    expect(outcome).toEqual({ alreadyApplied: false })
    const after = await plain.scores.listScores(evaluation)
    expect(after.every((score) => score.value === 2 && score.version === 2)).toBe(true)
    expect(await plain.scores.getPendingImport(evaluation)).toBeUndefined()
  })

  it.each([2, 3, 4, 5])(
    'shows none of an import cut off before its transaction %i, blocks writes and review, and undoes it once its lease runs out',
    async (cutBefore) => {
      // Prepare: a process that dies just before one of its transactions (2–4: a chunk; 5: the last)
      const { a, plain, evaluation, unitIds, before } = await scoredDraft()
      const watching = interleavingClients()
      watching.beforeTransaction(cutBefore, async () => {}, { isDead: true })
      const dying = dynamoStores(watching.clients).scores.applyImport({
        ...evaluation,
        evaluationVersion: 1,
        record: importRecordOf('imp-2', 250),
        entries: unitIds.map((unitId) => scoreOf({ unitId, value: 2 })),
        audit: importAuditOf('imp-2'),
      })
      await expect(dying).rejects.toThrow('the process is gone')
      // Act and assess: before the lease runs out, readers see none of it and writers are refused
      expect(await plain.scores.listScores(evaluation)).toEqual(before)
      expect(await plain.scores.getPendingImport(evaluation)).toMatchObject({ importId: 'imp-2' })
      const write = plain.scores.putScore({
        ...evaluation,
        evaluationVersion: 1,
        entry: { ...before[0]!, value: 5, version: 2 },
        expectedVersion: 1,
        audit: auditOf({
          action: 'score.put',
          entityType: 'score',
          entityId: 'u000',
          evaluationId: 'zz-2016',
        }),
      })
      await expect(write).rejects.toMatchObject({ details: { reason: 'import-pending' } })
      const draft = await plain.evaluations.getEvaluation(evaluation)
      const submit = plain.evaluations.updateEvaluation({
        tenantId: a,
        evaluation: { ...(draft as NonNullable<typeof draft>), status: 'in-review', version: 2 },
        expectedVersion: 1,
        audit: auditOf({
          action: 'evaluation.submit-for-review',
          entityType: 'evaluation',
          entityId: 'zz-2016',
          evaluationId: 'zz-2016',
        }),
      })
      await expect(submit).rejects.toMatchObject({ details: { reason: 'import-pending' } })
      expect(await plain.scores.settlePendingImport(evaluation)).toMatchObject({
        rolledBack: undefined,
        pending: { importId: 'imp-2' },
      })
      // …and once it has run out, the next access puts everything back
      const later = new DynamoScoreStore({
        clients: sharedTenantClients(storage.clients),
        tableName: storage.tableName,
        now: () => Date.now() + 61_000,
      })
      expect(await later.settlePendingImport(evaluation)).toEqual({ rolledBack: 'imp-2', pending: undefined })
      expect(await plain.scores.getPendingImport(evaluation)).toBeUndefined()
      expect(await plain.scores.listScores(evaluation)).toEqual(before)
      const retried = await plain.scores.applyImport({
        ...evaluation,
        evaluationVersion: 1,
        record: importRecordOf('imp-2', 250),
        entries: unitIds.map((unitId) => scoreOf({ unitId, value: 2 })),
        audit: importAuditOf('imp-2'),
      })
      expect(retried).toEqual({ alreadyApplied: false })
      expect((await plain.scores.listScores(evaluation)).every((score) => score.value === 2)).toBe(true)
    },
  )
})
