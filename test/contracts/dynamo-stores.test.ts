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
  sharedTenantClients,
  type TenantScopedClients,
  tenantKeys,
} from '@pingce/aws'
import { ConflictError, StoredDataError } from '@pingce/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestStorage, type TestStorage } from '../support/local-storage'
import { describeAuditLogContract } from './audit-log-contract'
import {
  at,
  auditOf,
  expectNotAudited,
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

describe('DynamoScoreStore (DynamoDB only: a writer between the chunks of an import)', () => {
  /** Clients whose `beforeTransaction(n, write)` runs `write` just before their n-th transaction. */
  function interleavingClients(): {
    clients: TenantScopedClients
    beforeTransaction: (n: number, write: () => Promise<void>) => void
  } {
    const { doc } = storage.clients
    let sent = 0
    let pending: { n: number; write: () => Promise<void> } | undefined
    const send = async (command: unknown) => {
      if (command instanceof TransactWriteCommand) {
        sent += 1
        if (pending?.n === sent) await pending.write()
      }
      return (doc.send as (command: unknown) => Promise<unknown>).call(doc, command)
    }
    const watched = new Proxy(doc, {
      get: (target, property, receiver) =>
        property === 'send' ? send : Reflect.get(target, property, receiver),
    }) as DynamoDBDocumentClient
    return {
      clients: { forTenant: async () => ({ doc: watched, s3: storage.clients.s3 }) },
      beforeTransaction: (n, write) => {
        sent = 0
        pending = { n, write }
      },
    }
  }

  it('refuses the import when a score changes before its last chunk, putting back what it wrote', async () => {
    // Prepare: 250 scores at version 1; a second import of all 250 goes in three transactions
    const { a } = uniqueTenants()
    const plain = dynamoStores()
    const evaluation = { tenantId: a, evaluationId: 'zz-2016' }
    const unitIds = unitIdsOf(250)
    await plain.scores.applyImport({
      ...evaluation,
      record: importRecordOf('imp-1', 250),
      entries: unitIds.map((unitId) => scoreOf({ unitId, value: 1 })),
      audit: importAuditOf('imp-1'),
    })
    const before = await plain.scores.listScores(evaluation)
    const concurrent = { ...before[220]!, value: 99, version: 2 }
    const watching = interleavingClients()
    watching.beforeTransaction(3, async () => {
      await plain.scores.putScore({
        ...evaluation,
        entry: concurrent,
        expectedVersion: 1,
        audit: auditOf({
          action: 'score.put',
          entityType: 'score',
          entityId: 'u220',
          evaluationId: 'zz-2016',
        }),
      })
    })
    const refused = importAuditOf('imp-2')
    // Act
    const error = await dynamoStores(watching.clients)
      .scores.applyImport({
        ...evaluation,
        record: importRecordOf('imp-2', 250),
        entries: unitIds.map((unitId) => scoreOf({ unitId, value: 2 })),
        audit: refused,
      })
      .catch((caught: unknown) => caught)
    // Assess: every score as before, except the concurrent writer's, which stays
    expect(error).toBeInstanceOf(ConflictError)
    const after = await plain.scores.listScores(evaluation)
    expect(after).toEqual(before.map((score, i) => (i === 220 ? concurrent : score)))
    await expectNotAudited({ audit: plain.audit, tenantId: a, entry: refused })
    const retried = await plain.scores.applyImport({
      ...evaluation,
      record: importRecordOf('imp-2', 250),
      entries: unitIds.map((unitId) => scoreOf({ unitId, value: 2 })),
      audit: importAuditOf('imp-2'),
    })
    expect(retried).toEqual({ alreadyApplied: false })
  })
})
