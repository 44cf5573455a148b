import { type AuditLog, ConflictError, type Evaluation, type EvaluationStore } from '@pingce/core'
import { sampleEvaluation } from '@pingce/core/fakes'
import { describe, expect, it } from 'vitest'
import { auditOf, expectAudited, expectNotAudited, uniqueTenants } from './contract-fixtures'

export interface EvaluationStoreSubject {
  evaluations: EvaluationStore
  audit: AuditLog
}

const evaluationAudit = (evaluationId: string, action: string) =>
  auditOf({ action, entityType: 'evaluation', entityId: evaluationId, evaluationId })

/** The EvaluationStore contract (publication is in the ResultStore contract). */
export function describeEvaluationStoreContract(
  name: string,
  make: () => Promise<EvaluationStoreSubject>,
): void {
  describe(`${name}: EvaluationStore contract`, () => {
    it('creates an evaluation, reads it back and audits the creation', async () => {
      // Prepare
      const { evaluations, audit } = await make()
      const { a } = uniqueTenants()
      const evaluation = sampleEvaluation({ evaluationId: 'zz-2016' })
      const entry = evaluationAudit('zz-2016', 'evaluation.create')
      // Act
      await evaluations.createEvaluation({ tenantId: a, evaluation, audit: entry })
      // Assess
      expect(await evaluations.getEvaluation({ tenantId: a, evaluationId: 'zz-2016' })).toEqual(evaluation)
      await expectAudited({ audit, tenantId: a, entry })
    })

    it('refuses a second evaluation with the same id, naming the field, and keeps the first', async () => {
      // Prepare
      const { evaluations, audit } = await make()
      const { a } = uniqueTenants()
      const first = sampleEvaluation({ evaluationId: 'zz-2016' })
      await evaluations.createEvaluation({
        tenantId: a,
        evaluation: first,
        audit: evaluationAudit('zz-2016', 'c'),
      })
      const refused = evaluationAudit('zz-2016', 'evaluation.create')
      // Act
      const error = await evaluations
        .createEvaluation({ tenantId: a, evaluation: { ...first, name: '另一个' }, audit: refused })
        .catch((caught: unknown) => caught)
      // Assess
      expect(error).toBeInstanceOf(ConflictError)
      expect((error as ConflictError).issues[0]?.path).toBe('evaluationId')
      expect(await evaluations.getEvaluation({ tenantId: a, evaluationId: 'zz-2016' })).toEqual(first)
      await expectNotAudited({ audit, tenantId: a, entry: refused })
    })

    it('replaces an evaluation at the expected version and audits the change', async () => {
      // Prepare
      const { evaluations, audit } = await make()
      const { a } = uniqueTenants()
      const draft = sampleEvaluation({ evaluationId: 'zz-2016' })
      await evaluations.createEvaluation({
        tenantId: a,
        evaluation: draft,
        audit: evaluationAudit('zz-2016', 'c'),
      })
      const inReview: Evaluation = { ...draft, status: 'in-review', version: 2 }
      const entry = evaluationAudit('zz-2016', 'evaluation.submit')
      // Act
      await evaluations.updateEvaluation({
        tenantId: a,
        evaluation: inReview,
        expectedVersion: 1,
        audit: entry,
      })
      // Assess
      expect(await evaluations.getEvaluation({ tenantId: a, evaluationId: 'zz-2016' })).toEqual(inReview)
      await expectAudited({ audit, tenantId: a, entry })
    })

    it('refuses a stale update with the current evaluation in details.current, changing nothing', async () => {
      // Prepare
      const { evaluations, audit } = await make()
      const { a } = uniqueTenants()
      const draft = sampleEvaluation({ evaluationId: 'zz-2016' })
      await evaluations.createEvaluation({
        tenantId: a,
        evaluation: draft,
        audit: evaluationAudit('zz-2016', 'c'),
      })
      const renamed: Evaluation = { ...draft, name: '第一次修改', version: 2 }
      await evaluations.updateEvaluation({
        tenantId: a,
        evaluation: renamed,
        expectedVersion: 1,
        audit: evaluationAudit('zz-2016', 'u'),
      })
      const stale = evaluationAudit('zz-2016', 'evaluation.rename')
      // Act
      const error = await evaluations
        .updateEvaluation({
          tenantId: a,
          evaluation: { ...draft, name: '过时的修改', version: 2 },
          expectedVersion: 1,
          audit: stale,
        })
        .catch((caught: unknown) => caught)
      // Assess
      expect(error).toBeInstanceOf(ConflictError)
      expect((error as ConflictError).details?.current).toEqual(renamed)
      expect(await evaluations.getEvaluation({ tenantId: a, evaluationId: 'zz-2016' })).toEqual(renamed)
      await expectNotAudited({ audit, tenantId: a, entry: stale })
    })

    it('refuses to update an evaluation that does not exist, creating nothing', async () => {
      // Prepare
      const { evaluations } = await make()
      const { a } = uniqueTenants()
      // Act
      const error = await evaluations
        .updateEvaluation({
          tenantId: a,
          evaluation: sampleEvaluation({ evaluationId: 'ghost', version: 2 }),
          expectedVersion: 1,
          audit: evaluationAudit('ghost', 'u'),
        })
        .catch((caught: unknown) => caught)
      // Assess
      expect(error).toBeInstanceOf(ConflictError)
      expect((error as ConflictError).details?.current).toBeUndefined()
      expect(await evaluations.getEvaluation({ tenantId: a, evaluationId: 'ghost' })).toBeUndefined()
    })

    it('lists evaluations in period order: a year, its months, its quarters; one period by id', async () => {
      // Prepare
      const { evaluations } = await make()
      const { a } = uniqueTenants()
      const periods: [string, Evaluation['period']][] = [
        ['q3', { kind: 'quarter', year: 2016, index: 3 }],
        ['dec', { kind: 'month', year: 2016, index: 12 }],
        ['y2017', { kind: 'year', year: 2017 }],
        ['y2016-b', { kind: 'year', year: 2016 }],
        ['mar', { kind: 'month', year: 2016, index: 3 }],
        ['y2016-a', { kind: 'year', year: 2016 }],
        ['dec2015', { kind: 'month', year: 2015, index: 12 }],
      ]
      for (const [evaluationId, period] of periods) {
        await evaluations.createEvaluation({
          tenantId: a,
          evaluation: sampleEvaluation({ evaluationId, period }),
          audit: evaluationAudit(evaluationId, 'c'),
        })
      }
      // Act
      const listed = await evaluations.listEvaluations({ tenantId: a })
      // Assess: 2015-12, 2016, 2016, 2016-03, 2016-12, 2016-Q3, 2017
      expect(listed.map((evaluation) => evaluation.evaluationId)).toEqual([
        'dec2015',
        'y2016-a',
        'y2016-b',
        'mar',
        'dec',
        'q3',
        'y2017',
      ])
    })

    it("keeps tenants apart: tenant B never sees or changes tenant A's evaluations", async () => {
      // Prepare
      const { evaluations, audit } = await make()
      const { a, b } = uniqueTenants()
      const ofA = sampleEvaluation({ evaluationId: 'zz-2016', name: '甲市评估' })
      await evaluations.createEvaluation({
        tenantId: a,
        evaluation: ofA,
        audit: evaluationAudit('zz-2016', 'c'),
      })
      // Act
      const seenByB = {
        one: await evaluations.getEvaluation({ tenantId: b, evaluationId: 'zz-2016' }),
        all: await evaluations.listEvaluations({ tenantId: b }),
        trail: await audit.listAudit({ tenantId: b, evaluationId: 'zz-2016' }),
      }
      const updateByB = await evaluations
        .updateEvaluation({
          tenantId: b,
          evaluation: { ...ofA, name: '乙市改写', version: 2 },
          expectedVersion: 1,
          audit: evaluationAudit('zz-2016', 'u'),
        })
        .catch((caught: unknown) => caught)
      const ofB = sampleEvaluation({ evaluationId: 'zz-2016', name: '乙市评估' })
      await evaluations.createEvaluation({
        tenantId: b,
        evaluation: ofB,
        audit: evaluationAudit('zz-2016', 'c'),
      })
      // Assess
      expect(seenByB).toEqual({ one: undefined, all: [], trail: [] })
      expect(updateByB).toBeInstanceOf(ConflictError)
      expect(await evaluations.getEvaluation({ tenantId: a, evaluationId: 'zz-2016' })).toEqual(ofA)
      expect(await evaluations.listEvaluations({ tenantId: a })).toEqual([ofA])
      expect(await evaluations.listEvaluations({ tenantId: b })).toEqual([ofB])
    })
  })
}
