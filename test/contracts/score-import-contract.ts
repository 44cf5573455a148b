import { ConflictError } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import {
  expectAudited,
  expectNotAudited,
  importAuditOf,
  importRecordOf,
  scoreOf,
  uniqueTenants,
  unitIdsOf,
} from './contract-fixtures'
import { draftedSubject, type ScoreStoreSubject, scoreAudit } from './score-store-subject'

/** The ScoreStore contract for imports: all or nothing, applied once, versions raised by one. */
export function describeScoreImportContract(
  name: string,
  makeSubject: () => Promise<ScoreStoreSubject>,
): void {
  const make = () => draftedSubject(makeSubject)
  describe(`${name}: ScoreStore import contract`, () => {
    it('applies a 250-entry import: new entries at version 1, replaced ones one above what they were', async () => {
      // Prepare
      const { scores, audit } = await make()
      const { a } = uniqueTenants()
      const evaluation = { tenantId: a, evaluationId: 'zz-2016' }
      const existing = scoreOf({ unitId: 'u007', value: 1, version: 3 })
      await scores.putScore({
        ...evaluation,
        entry: existing,
        expectedVersion: undefined,
        audit: scoreAudit('u007'),
      })
      const entries = unitIdsOf(250).map((unitId, i) => scoreOf({ unitId, value: i / 4 }))
      const entry = importAuditOf('imp-1')
      // Act
      const outcome = await scores.applyImport({
        ...evaluation,
        record: importRecordOf('imp-1', 250),
        entries,
        audit: entry,
      })
      const again = await scores.applyImport({
        ...evaluation,
        record: importRecordOf('imp-2', 1),
        entries: [scoreOf({ unitId: 'u007', value: 9 })],
        audit: importAuditOf('imp-2'),
      })
      // Assess
      expect(outcome).toEqual({ alreadyApplied: false })
      expect(again).toEqual({ alreadyApplied: false })
      const listed = await scores.listScores(evaluation)
      expect(listed).toHaveLength(250)
      expect(listed.find((score) => score.unitId === 'u249')).toEqual({ ...entries[249], version: 1 })
      expect(listed.find((score) => score.unitId === 'u007')).toMatchObject({ value: 9, version: 5 })
      expect(listed.filter((score) => score.version !== 1).map((score) => score.unitId)).toEqual(['u007'])
      await expectAudited({ audit, tenantId: a, entry })
    })

    it('applies an import once: the same importId again is alreadyApplied and writes nothing', async () => {
      // Prepare
      const { scores, audit } = await make()
      const { a } = uniqueTenants()
      const evaluation = { tenantId: a, evaluationId: 'zz-2016' }
      const entries = unitIdsOf(120).map((unitId) => scoreOf({ unitId, value: 10 }))
      await scores.applyImport({
        ...evaluation,
        record: importRecordOf('imp-1', 120),
        entries,
        audit: importAuditOf('imp-1'),
      })
      const before = await scores.listScores(evaluation)
      const repeated = importAuditOf('imp-1')
      // Act
      const outcome = await scores.applyImport({
        ...evaluation,
        record: importRecordOf('imp-1', 120),
        entries: entries.map((entry) => ({ ...entry, value: 20 })),
        audit: repeated,
      })
      // Assess
      expect(outcome).toEqual({ alreadyApplied: true })
      expect(await scores.listScores(evaluation)).toEqual(before)
      expect(before.every((score) => score.version === 1 && score.value === 10)).toBe(true)
      await expectNotAudited({ audit, tenantId: a, entry: repeated })
    })

    it('refuses an import whose later chunk conflicts, leaving nothing of it', async () => {
      // Prepare: u050 exists; the import names u000 twice, the second time in its second hundred
      const { scores, audit } = await make()
      const { a } = uniqueTenants()
      const evaluation = { tenantId: a, evaluationId: 'zz-2016' }
      const existing = scoreOf({ unitId: 'u050', value: 1, version: 4 })
      await scores.putScore({
        ...evaluation,
        entry: existing,
        expectedVersion: undefined,
        audit: scoreAudit('u050'),
      })
      const entries = unitIdsOf(200).map((unitId, i) =>
        scoreOf({ unitId: i === 150 ? 'u000' : unitId, value: i }),
      )
      const refused = importAuditOf('imp-1')
      // Act
      const error = await scores
        .applyImport({ ...evaluation, record: importRecordOf('imp-1', 200), entries, audit: refused })
        .catch((caught: unknown) => caught)
      // Assess
      expect(error).toBeInstanceOf(ConflictError)
      expect(await scores.listScores(evaluation)).toEqual([existing])
      await expectNotAudited({ audit, tenantId: a, entry: refused })
      const corrected = entries.filter((_, i) => i !== 150)
      expect(
        await scores.applyImport({
          ...evaluation,
          record: importRecordOf('imp-1', 199),
          entries: corrected,
          audit: importAuditOf('imp-1'),
        }),
      ).toEqual({ alreadyApplied: false })
    })

    it('refuses an import naming one entry twice within its first hundred, leaving nothing', async () => {
      // Prepare
      const { scores } = await make()
      const { a } = uniqueTenants()
      const evaluation = { tenantId: a, evaluationId: 'zz-2016' }
      const entries = [scoreOf({ unitId: 'xinmi', value: 1 }), scoreOf({ unitId: 'xinmi', value: 2 })]
      // Act
      const outcome = scores.applyImport({
        ...evaluation,
        record: importRecordOf('imp-1', 2),
        entries,
        audit: importAuditOf('imp-1'),
      })
      // Assess
      await expect(outcome).rejects.toThrow()
      expect(await scores.listScores(evaluation)).toEqual([])
    })
  })
}
