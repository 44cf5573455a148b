import type { PublishedGroup } from '@pingce/core'
import { createInMemoryStores, sampleEvaluation } from '@pingce/core/fakes'
import { describe, expect, it } from 'vitest'
import { PublishedResultsCache } from './published-results-cache'

const at = '2026-11-23T08:00:00.000Z'
const evaluation = sampleEvaluation({ evaluationId: 'e1' })
const audit = {
  auditId: 'a',
  at,
  actorId: 'x',
  actorRole: 'admin',
  action: 't',
  entityType: 'evaluation',
  entityId: 'e1',
}

const groupOf = (tenantId: string): PublishedGroup => ({
  groupId: 'county',
  groupName: tenantId,
  schemeId: 'main',
  schemeVersion: 1,
  decimals: 2,
  indicators: [],
  rows: [],
  statistics: { count: 0, mean: null, median: null, gradeCounts: {} },
  explanations: {},
})

async function publishedStore() {
  const stores = createInMemoryStores()
  const store = stores.evaluations
  for (const tenantId of ['zhengzhou', 'kaifeng']) {
    await store.createEvaluation({ tenantId, evaluation, audit })
    await store.updateEvaluation({
      tenantId,
      evaluation: { ...evaluation, status: 'published', version: 2 },
      expectedVersion: 1,
      audit,
      publication: [{ groupId: 'county', revision: 0, computedAt: at, group: groupOf(tenantId) }],
    })
  }
  return stores
}

describe('PublishedResultsCache', () => {
  it('keeps tenants apart and reads a published revision from the store once', async () => {
    const stores = await publishedStore()
    let reads = 0
    const counting = {
      getPublished: (options: Parameters<typeof stores.results.getPublished>[0]) => {
        reads += 1
        return stores.results.getPublished(options)
      },
    }
    const cache = new PublishedResultsCache({ evaluations: stores.evaluations, results: counting })
    const zz = await cache.snapshots({ tenantId: 'zhengzhou', evaluationId: 'e1', revision: 0 })
    await cache.snapshots({ tenantId: 'zhengzhou', evaluationId: 'e1', revision: 0 })
    const kf = await cache.snapshots({ tenantId: 'kaifeng', evaluationId: 'e1', revision: 0 })
    expect(zz[0]?.group.groupName).toBe('zhengzhou')
    expect(kf[0]?.group.groupName).toBe('kaifeng')
    expect(reads).toBe(2)
  })

  it('does not remember a revision that has no snapshot yet', async () => {
    const stores = await publishedStore()
    const store = stores.evaluations
    const cache = new PublishedResultsCache(stores)
    expect(await cache.snapshots({ tenantId: 'zhengzhou', evaluationId: 'e1', revision: 1 })).toEqual([])
    await store.updateEvaluation({
      tenantId: 'zhengzhou',
      evaluation: { ...evaluation, status: 'published', revision: 1, version: 3 },
      expectedVersion: 2,
      audit,
      publication: [{ groupId: 'county', revision: 1, computedAt: at, group: groupOf('zhengzhou') }],
    })
    expect(await cache.snapshots({ tenantId: 'zhengzhou', evaluationId: 'e1', revision: 1 })).toHaveLength(1)
  })

  it('sees a changed evaluation once its time to live has passed', async () => {
    const stores = await publishedStore()
    const store = stores.evaluations
    let now = 0
    const cache = new PublishedResultsCache({ ...stores, evaluationTtlMs: 1_000, now: () => now })
    expect((await cache.evaluation({ tenantId: 'zhengzhou', evaluationId: 'e1' }))?.version).toBe(2)
    await store.updateEvaluation({
      tenantId: 'zhengzhou',
      evaluation: { ...evaluation, status: 'draft', revision: 1, version: 3 },
      expectedVersion: 2,
      audit,
    })
    now = 999
    expect((await cache.evaluation({ tenantId: 'zhengzhou', evaluationId: 'e1' }))?.version).toBe(2)
    now = 1_000
    expect((await cache.evaluation({ tenantId: 'zhengzhou', evaluationId: 'e1' }))?.version).toBe(3)
  })

  it('renders a view once, as JSON and as gzip', () => {
    const cache = new PublishedResultsCache(createInMemoryStores())
    let renders = 0
    const render = () => {
      renders += 1
      return { rows: [1, 2, 3] }
    }
    const first = cache.rendered({ key: 'zhengzhou/e1/0/*', render })
    const second = cache.rendered({ key: 'zhengzhou/e1/0/*', render })
    expect(first).toBe(second)
    expect(renders).toBe(1)
    expect(JSON.parse(first.text)).toEqual({ rows: [1, 2, 3] })
    expect([first.gzip[0], first.gzip[1]]).toEqual([0x1f, 0x8b])
  })
})
