import { ConflictError, type ScoreEntry, scoreEntryId } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import {
  auditOf,
  expectAudited,
  expectNotAudited,
  importAuditOf,
  importRecordOf,
  scoreOf,
  uniqueTenants,
  unitIdsOf,
} from './contract-fixtures'
import { draftedSubject, ensureDraft, type ScoreStoreSubject, scoreAudit } from './score-store-subject'

/** The ScoreStore contract for single scores: optimistic versions, the draft condition, tenants kept apart. */
export function describeScoreStoreContract(
  name: string,
  makeSubject: () => Promise<ScoreStoreSubject>,
): void {
  const make = () => draftedSubject(makeSubject)
  describe(`${name}: ScoreStore contract`, () => {
    it('refuses every score write once the evaluation is no longer a draft at the version read', async () => {
      // Prepare: a draft at version 1, then submitted for review (version 2)
      const subject = await makeSubject()
      const { a } = uniqueTenants()
      const evaluation = { tenantId: a, evaluationId: 'zz-2016' }
      await ensureDraft(subject, a, 'zz-2016')
      const draft = await subject.evaluations.getEvaluation(evaluation)
      await subject.evaluations.updateEvaluation({
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
      const entry: ScoreEntry = scoreOf({ unitId: 'xinmi', value: 1 })
      const late = scoreAudit('xinmi')
      // Act: writes that read the draft at version 1 before it was submitted
      const refusal = (caught: unknown) => caught
      const put = await subject.scores
        .putScore({ ...evaluation, evaluationVersion: 1, entry, expectedVersion: undefined, audit: late })
        .catch(refusal)
      const imported = await subject.scores
        .applyImport({
          ...evaluation,
          evaluationVersion: 1,
          record: importRecordOf('late', 150),
          entries: unitIdsOf(150).map((unitId) => scoreOf({ unitId, value: 2 })),
          audit: importAuditOf('late'),
        })
        .catch(refusal)
      const atNewVersion = await subject.scores
        .putScore({ ...evaluation, evaluationVersion: 2, entry, expectedVersion: undefined, audit: late })
        .catch(refusal)
      // Assess
      expect(put).toBeInstanceOf(ConflictError)
      expect(imported).toBeInstanceOf(ConflictError)
      expect(atNewVersion).toBeInstanceOf(ConflictError)
      expect(await subject.scores.listScores(evaluation)).toEqual([])
      expect(await subject.scores.getPendingImport(evaluation)).toBeUndefined()
      await expectNotAudited({ audit: subject.audit, tenantId: a, entry: late })
    })

    it('creates a score when no version is expected, reads it back and audits it', async () => {
      // Prepare
      const { scores, audit } = await make()
      const { a } = uniqueTenants()
      const put = { tenantId: a, evaluationId: 'zz-2016' }
      const entry = scoreOf({ unitId: 'xinmi', value: 26.14 })
      const audited = scoreAudit('xinmi')
      // Act
      await scores.putScore({ ...put, entry, expectedVersion: undefined, audit: audited })
      // Assess
      expect(await scores.getScore({ ...put, entryId: scoreEntryId(entry) })).toEqual(entry)
      await expectAudited({ audit, tenantId: a, entry: audited })
    })

    it('refuses to create an existing score, with the stored entry in details.current', async () => {
      // Prepare
      const { scores, audit } = await make()
      const { a } = uniqueTenants()
      const stored = scoreOf({ unitId: 'xinmi', value: 26.14 })
      const put = { tenantId: a, evaluationId: 'zz-2016', expectedVersion: undefined }
      await scores.putScore({ ...put, entry: stored, audit: scoreAudit('xinmi') })
      const refused = scoreAudit('xinmi')
      // Act
      const error = await scores
        .putScore({ ...put, entry: scoreOf({ unitId: 'xinmi', value: 3 }), audit: refused })
        .catch((caught: unknown) => caught)
      // Assess
      expect(error).toBeInstanceOf(ConflictError)
      expect((error as ConflictError).details?.current).toEqual(stored)
      const entryId = scoreEntryId(stored)
      expect(await scores.getScore({ tenantId: a, evaluationId: 'zz-2016', entryId })).toEqual(stored)
      await expectNotAudited({ audit, tenantId: a, entry: refused })
    })

    it('replaces a score at its version; a stale version gets details.current and changes nothing', async () => {
      // Prepare
      const { scores, audit } = await make()
      const { a } = uniqueTenants()
      const put = { tenantId: a, evaluationId: 'zz-2016' }
      const first = scoreOf({ unitId: 'xinmi', value: 26.14 })
      await scores.putScore({ ...put, entry: first, expectedVersion: undefined, audit: scoreAudit('xinmi') })
      const second = scoreOf({ unitId: 'xinmi', value: 26.5, version: 2 })
      await scores.putScore({ ...put, entry: second, expectedVersion: 1, audit: scoreAudit('xinmi') })
      const stale = scoreAudit('xinmi')
      // Act
      const error = await scores
        .putScore({
          ...put,
          entry: scoreOf({ unitId: 'xinmi', value: 1, version: 2 }),
          expectedVersion: 1,
          audit: stale,
        })
        .catch((caught: unknown) => caught)
      // Assess
      expect(error).toBeInstanceOf(ConflictError)
      expect((error as ConflictError).details?.current).toEqual(second)
      const entryId = scoreEntryId(first)
      expect(await scores.getScore({ ...put, entryId })).toEqual(second)
      await expectNotAudited({ audit, tenantId: a, entry: stale })
    })

    it('refuses a version-guarded write of a score that does not exist (details.current null)', async () => {
      // Prepare
      const { scores } = await make()
      const { a } = uniqueTenants()
      const entry = scoreOf({ unitId: 'xinmi', value: 1, version: 2 })
      // Act
      const error = await scores
        .putScore({
          tenantId: a,
          evaluationId: 'zz-2016',
          entry,
          expectedVersion: 1,
          audit: scoreAudit('xinmi'),
        })
        .catch((caught: unknown) => caught)
      // Assess
      expect(error).toBeInstanceOf(ConflictError)
      expect((error as ConflictError).details?.current).toBeNull()
      expect(await scores.listScores({ tenantId: a, evaluationId: 'zz-2016' })).toEqual([])
    })

    it('of two concurrent edits at one version, lets one win and gives the other the winner', async () => {
      // Prepare
      const { scores } = await make()
      const { a } = uniqueTenants()
      const put = { tenantId: a, evaluationId: 'zz-2016' }
      const first = scoreOf({ unitId: 'xinmi', value: 26.14 })
      await scores.putScore({ ...put, entry: first, expectedVersion: undefined, audit: scoreAudit('xinmi') })
      // Act
      const outcomes = await Promise.allSettled(
        [26.5, 27].map((value) =>
          scores.putScore({
            ...put,
            entry: scoreOf({ unitId: 'xinmi', value, version: 2 }),
            expectedVersion: 1,
            audit: scoreAudit('xinmi'),
          }),
        ),
      )
      // Assess
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1)
      const rejected = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult
      expect(rejected.reason).toBeInstanceOf(ConflictError)
      const stored = await scores.getScore({ ...put, entryId: scoreEntryId(first) })
      expect(stored?.version).toBe(2)
      expect((rejected.reason as ConflictError).details?.current).toEqual(stored)
    })

    it('lists the scores of one evaluation only, in entry-id order', async () => {
      // Prepare
      const { scores } = await make()
      const { a } = uniqueTenants()
      const entries = [
        scoreOf({ unitId: 'xinmi', key: 'open', value: 1 }),
        scoreOf({ unitId: 'Gongyi', value: 2 }),
        scoreOf({ unitId: 'xinmi', key: 'info', value: 3 }),
        { ...scoreOf({ unitId: 'dengfeng', value: 4 }), period: '2016-03' },
        scoreOf({ unitId: 'dengfeng', value: 5 }),
      ]
      for (const entry of entries) {
        const put = { tenantId: a, entry, expectedVersion: undefined, audit: scoreAudit(entry.unitId) }
        await scores.putScore({ ...put, evaluationId: 'zz-2016' })
        await scores.putScore({ ...put, evaluationId: 'zz-2016-m' })
      }
      // Act
      const listed = await scores.listScores({ tenantId: a, evaluationId: 'zz-2016' })
      // Assess
      const byId = [...entries].sort((x, y) => (scoreEntryId(x) < scoreEntryId(y) ? -1 : 1))
      expect(listed).toEqual(byId)
      expect(listed.map((entry) => entry.value)).toEqual([2, 4, 5, 3, 1])
    })

    it("keeps tenants apart: tenant B never sees tenant A's scores or imports", async () => {
      // Prepare
      const { scores } = await make()
      const { a, b } = uniqueTenants()
      const entry = scoreOf({ unitId: 'xinmi', value: 26.14 })
      const ofA = { tenantId: a, evaluationId: 'zz-2016' }
      await scores.putScore({ ...ofA, entry, expectedVersion: undefined, audit: scoreAudit('xinmi') })
      const imported = [scoreOf({ unitId: 'gongyi', value: 1 })]
      await scores.applyImport({
        ...ofA,
        record: importRecordOf('imp-1', 1),
        entries: imported,
        audit: importAuditOf('imp-1'),
      })
      const ofB = { tenantId: b, evaluationId: 'zz-2016' }
      // Act
      const seenByB = {
        one: await scores.getScore({ ...ofB, entryId: scoreEntryId(entry) }),
        all: await scores.listScores(ofB),
      }
      const importByB = await scores.applyImport({
        ...ofB,
        record: importRecordOf('imp-1', 1),
        entries: [scoreOf({ unitId: 'gongyi', value: 2 })],
        audit: importAuditOf('imp-1'),
      })
      await scores.putScore({
        ...ofB,
        entry: scoreOf({ unitId: 'xinmi', value: 3 }),
        expectedVersion: undefined,
        audit: scoreAudit('xinmi'),
      })
      // Assess
      expect(seenByB).toEqual({ one: undefined, all: [] })
      expect(importByB).toEqual({ alreadyApplied: false })
      expect((await scores.listScores(ofA)).map((score) => score.value)).toEqual([1, 26.14])
      expect((await scores.listScores(ofB)).map((score) => score.value)).toEqual([2, 3])
    })
  })
}
