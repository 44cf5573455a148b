import {
  type AuditLog,
  ConflictError,
  type Evaluation,
  type EvaluationStore,
  type PublishedGroup,
  type PublishedSnapshot,
  type ResultStore,
} from '@pingce/core'
import { sampleEvaluation } from '@pingce/core/fakes'
import { describe, expect, it } from 'vitest'
import {
  at,
  auditOf,
  expectAudited,
  expectNotAudited,
  publishedGroupOf,
  uniqueTenants,
} from './contract-fixtures'

export interface ResultStoreSubject {
  /** The writer of results: a publication rides on `updateEvaluation`. */
  evaluations: EvaluationStore
  results: ResultStore
  audit: AuditLog
}

const publishAudit = (evaluationId: string) =>
  auditOf({ action: 'evaluation.publish', entityType: 'evaluation', entityId: evaluationId, evaluationId })

const snapshotOf = (groupId: string, revision: number, total?: number): PublishedSnapshot => ({
  groupId,
  revision,
  computedAt: at,
  group: publishedGroupOf({ groupId, ...(total === undefined ? {} : { total }) }),
})

/** A draft evaluation stored in the tenant, and the same evaluation published at `revision`. */
async function storeDraft(options: {
  evaluations: EvaluationStore
  tenantId: string
}): Promise<{ draft: Evaluation; published: (revision: number, version: number) => Evaluation }> {
  const draft = sampleEvaluation({ evaluationId: 'zz-2016' })
  await options.evaluations.createEvaluation({
    tenantId: options.tenantId,
    evaluation: draft,
    audit: auditOf({ action: 'c', entityType: 'evaluation', entityId: 'zz-2016', evaluationId: 'zz-2016' }),
  })
  return {
    draft,
    published: (revision, version) => ({ ...draft, status: 'published', revision, version }),
  }
}

/** The ResultStore contract: what a publication writes through the EvaluationStore is read back here. */
export function describeResultStoreContract(name: string, make: () => Promise<ResultStoreSubject>): void {
  describe(`${name}: ResultStore contract (publication through the EvaluationStore)`, () => {
    it('publishes snapshots with the status change, read back per revision in group-id order', async () => {
      // Prepare
      const { evaluations, results, audit } = await make()
      const { a } = uniqueTenants()
      const { published } = await storeDraft({ evaluations, tenantId: a })
      const publication = ['dept', 'County', 'a_b', 'a-c'].map((groupId) => snapshotOf(groupId, 0))
      const entry = publishAudit('zz-2016')
      // Act
      await evaluations.updateEvaluation({
        tenantId: a,
        evaluation: published(0, 2),
        expectedVersion: 1,
        audit: entry,
        publication,
      })
      // Assess: the order of the stored keys, byte by byte
      const read = await results.getPublished({ tenantId: a, evaluationId: 'zz-2016', revision: 0 })
      expect(read.map((snapshot) => snapshot.groupId)).toEqual(['County', 'a-c', 'a_b', 'dept'])
      expect(read).toEqual(['County', 'a-c', 'a_b', 'dept'].map((groupId) => snapshotOf(groupId, 0)))
      expect(await results.getPublished({ tenantId: a, evaluationId: 'zz-2016', revision: 1 })).toEqual([])
      expect(await evaluations.getEvaluation({ tenantId: a, evaluationId: 'zz-2016' })).toEqual(
        published(0, 2),
      )
      await expectAudited({ audit, tenantId: a, entry })
    })

    it('refuses a publication over an existing revision: ConflictError, evaluation and snapshots unchanged', async () => {
      // Prepare
      const { evaluations, results, audit } = await make()
      const { a } = uniqueTenants()
      const { published } = await storeDraft({ evaluations, tenantId: a })
      await evaluations.updateEvaluation({
        tenantId: a,
        evaluation: published(0, 2),
        expectedVersion: 1,
        audit: publishAudit('zz-2016'),
        publication: [snapshotOf('county', 0)],
      })
      const refused = publishAudit('zz-2016')
      // Act: the right version, but revision 0 again with other numbers
      const error = await evaluations
        .updateEvaluation({
          tenantId: a,
          evaluation: { ...published(0, 3), name: '重新发布' },
          expectedVersion: 2,
          audit: refused,
          publication: [snapshotOf('county', 0, 12.5)],
        })
        .catch((caught: unknown) => caught)
      // Assess
      expect(error).toBeInstanceOf(ConflictError)
      expect((error as ConflictError).details?.current).toEqual(published(0, 2))
      expect(await evaluations.getEvaluation({ tenantId: a, evaluationId: 'zz-2016' })).toEqual(
        published(0, 2),
      )
      expect(await results.getPublished({ tenantId: a, evaluationId: 'zz-2016', revision: 0 })).toEqual([
        snapshotOf('county', 0),
      ])
      await expectNotAudited({ audit, tenantId: a, entry: refused })
    })

    it('writes no snapshot of a stale publication', async () => {
      // Prepare
      const { evaluations, results } = await make()
      const { a } = uniqueTenants()
      const { draft, published } = await storeDraft({ evaluations, tenantId: a })
      // Act
      const error = await evaluations
        .updateEvaluation({
          tenantId: a,
          evaluation: published(0, 3),
          expectedVersion: 2,
          audit: publishAudit('zz-2016'),
          publication: [snapshotOf('county', 0)],
        })
        .catch((caught: unknown) => caught)
      // Assess
      expect(error).toBeInstanceOf(ConflictError)
      expect((error as ConflictError).details?.current).toEqual(draft)
      expect(await results.getPublished({ tenantId: a, evaluationId: 'zz-2016', revision: 0 })).toEqual([])
      expect(await evaluations.getEvaluation({ tenantId: a, evaluationId: 'zz-2016' })).toEqual(draft)
    })

    it('refuses a snapshot that does not match the published schema before writing anything', async () => {
      // Prepare
      const { evaluations, results, audit } = await make()
      const { a } = uniqueTenants()
      const { draft, published } = await storeDraft({ evaluations, tenantId: a })
      const broken = { ...snapshotOf('dept', 0), group: { groupId: 'dept' } as unknown as PublishedGroup }
      const refused = publishAudit('zz-2016')
      // Act: the first snapshot is valid, the second is not
      const outcome = evaluations.updateEvaluation({
        tenantId: a,
        evaluation: published(0, 2),
        expectedVersion: 1,
        audit: refused,
        publication: [snapshotOf('county', 0), broken],
      })
      // Assess
      await expect(outcome).rejects.toThrow()
      expect(await evaluations.getEvaluation({ tenantId: a, evaluationId: 'zz-2016' })).toEqual(draft)
      expect(await results.getPublished({ tenantId: a, evaluationId: 'zz-2016', revision: 0 })).toEqual([])
      await expectNotAudited({ audit, tenantId: a, entry: refused })
    })

    it('keeps revision n readable after a re-evaluation publishes n + 1', async () => {
      // Prepare
      const { evaluations, results } = await make()
      const { a } = uniqueTenants()
      const { published } = await storeDraft({ evaluations, tenantId: a })
      await evaluations.updateEvaluation({
        tenantId: a,
        evaluation: published(0, 2),
        expectedVersion: 1,
        audit: publishAudit('zz-2016'),
        publication: [snapshotOf('county', 0)],
      })
      // Act
      await evaluations.updateEvaluation({
        tenantId: a,
        evaluation: published(1, 3),
        expectedVersion: 2,
        audit: publishAudit('zz-2016'),
        publication: [snapshotOf('county', 1, 91.2)],
      })
      // Assess
      const read = (revision: number) =>
        results.getPublished({ tenantId: a, evaluationId: 'zz-2016', revision })
      expect(await read(0)).toEqual([snapshotOf('county', 0)])
      expect(await read(1)).toEqual([snapshotOf('county', 1, 91.2)])
    })

    it("keeps tenants apart: tenant B never reads tenant A's results and publishes its own", async () => {
      // Prepare
      const { evaluations, results } = await make()
      const { a, b } = uniqueTenants()
      const ofA = await storeDraft({ evaluations, tenantId: a })
      await evaluations.updateEvaluation({
        tenantId: a,
        evaluation: ofA.published(0, 2),
        expectedVersion: 1,
        audit: publishAudit('zz-2016'),
        publication: [snapshotOf('county', 0)],
      })
      // Act
      const seenByB = await results.getPublished({ tenantId: b, evaluationId: 'zz-2016', revision: 0 })
      const ofB = await storeDraft({ evaluations, tenantId: b })
      await evaluations.updateEvaluation({
        tenantId: b,
        evaluation: ofB.published(0, 2),
        expectedVersion: 1,
        audit: publishAudit('zz-2016'),
        publication: [snapshotOf('county', 0, 70.77)],
      })
      // Assess
      expect(seenByB).toEqual([])
      const read = (tenantId: string) =>
        results.getPublished({ tenantId, evaluationId: 'zz-2016', revision: 0 })
      expect(await read(a)).toEqual([snapshotOf('county', 0)])
      expect(await read(b)).toEqual([snapshotOf('county', 0, 70.77)])
    })
  })
}
