import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  createAwsClients,
  DynamoTenantDirectory,
  ensureBucket,
  ensureTable,
  S3BlobStore,
  sharedTenantClients,
} from '@pingce/aws'
import { DataDirLockedError, type LocalStack, startLocalStack } from '@pingce/local-stack'
import { afterAll, describe, expect, it } from 'vitest'

const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }

function clientsFor(stack: LocalStack) {
  return createAwsClients({
    region: 'cn-north-1',
    dynamoEndpoint: stack.dynamoEndpoint,
    s3Endpoint: stack.s3Endpoint,
    credentials,
  })
}

describe('embedded local stack on a data directory', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pingce-persist-'))
  const started: LocalStack[] = []
  afterAll(async () => {
    await Promise.all(started.map((stack) => stack.stop()))
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('keeps what was written through the store across a restart on the same data directory', async () => {
    const first = await startLocalStack({ dataDir })
    started.push(first)
    const clients = clientsFor(first)
    expect(await ensureTable({ dynamo: clients.dynamo, tableName: 'pingce' })).toBe(true)
    expect(await ensureBucket({ s3: clients.s3, bucketName: 'pingce-local' })).toBe(true)
    const directory = new DynamoTenantDirectory({ doc: clients.doc, tableName: 'pingce' })
    const tenant = {
      tenantId: 'zhengzhou',
      name: '郑州市',
      divisionCode: '410100',
      tier: '省会' as const,
      createdAt: '2026-11-23T08:00:00.000Z',
    }
    await directory.createTenant({ tenant })
    await new S3BlobStore({ clients: sharedTenantClients(clients), bucketName: 'pingce-local' }).putObject({
      tenantId: 'zhengzhou',
      key: 'reports/2016/circular.txt',
      body: '郑州市 2016 年度政府网站绩效评估通报',
      contentType: 'text/plain; charset=utf-8',
    })
    await first.stop()

    const second = await startLocalStack({ dataDir })
    started.push(second)
    const again = clientsFor(second)
    expect(await ensureTable({ dynamo: again.dynamo, tableName: 'pingce' })).toBe(false)
    expect(await ensureBucket({ s3: again.s3, bucketName: 'pingce-local' })).toBe(false)
    const readBack = await new DynamoTenantDirectory({ doc: again.doc, tableName: 'pingce' }).getTenant({
      tenantId: 'zhengzhou',
    })
    expect(readBack).toEqual({ ...tenant, divisionCodeStatus: 'pending' })
    const object = await new S3BlobStore({
      clients: sharedTenantClients(again),
      bucketName: 'pingce-local',
    }).getObject({
      tenantId: 'zhengzhou',
      key: 'reports/2016/circular.txt',
    })
    expect(new TextDecoder().decode(object?.body)).toBe('郑州市 2016 年度政府网站绩效评估通报')
  })

  it('refuses a second start on a data directory that a running stack holds', async () => {
    const running = started.at(-1)
    expect(running).toBeDefined()
    await expect(startLocalStack({ dataDir })).rejects.toBeInstanceOf(DataDirLockedError)
    await expect(startLocalStack({ dataDir })).rejects.toThrow(/already running on the data directory/)
  })
})
