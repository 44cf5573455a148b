import { ConflictError, ForbiddenError, NotFoundError } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import {
  admin,
  type EvaluationTestDeps,
  evaluationTestDeps,
  evaluator,
  miniScores,
  otherTenantAdmin,
  publishedMiniEvaluation,
  setUpMiniEvaluation,
  supervisor,
  unitUser,
} from '../../test/evaluation-fixture'
import { reEvaluateEvaluation } from '../evaluations/re-evaluate-evaluation'
import { importScores } from '../scores/import-scores'
import { putScore } from '../scores/put-score'
import { readResults } from './read-results'

const tenantId = 'zhengzhou'
const evaluationId = 'e2020'

async function publishedEvaluation(): Promise<EvaluationTestDeps> {
  const deps = evaluationTestDeps()
  await publishedMiniEvaluation({ deps })
  return deps
}

const rowsOf = (results: Awaited<ReturnType<typeof readResults>>) =>
  results.groups.map((group) => [
    group.groupId,
    group.rows.map((row) => [row.unitId, row.rank, row.displayTotal]),
  ])

describe('readResults', () => {
  it.each([admin, evaluator, supervisor])(
    'shows a $role every group, row and explanation of the published snapshot, as a shared view',
    async (actor) => {
      const deps = await publishedEvaluation()

      const results = await readResults({ deps, actor, input: { evaluationId, isPreview: false } })

      expect(results).toMatchObject({ revision: 0, status: 'published', isSharedView: true })
      expect(results.evaluation).toMatchObject({ evaluationId, status: 'published' })
      expect(rowsOf(results)).toEqual([
        [
          'county',
          [
            ['c01', 1, '91.00'],
            ['c02', 2, '74.00'],
          ],
        ],
        [
          'department',
          [
            ['d01', 1, '70.00'],
            ['d02', 2, '46.00'],
          ],
        ],
      ])
      expect(Object.keys(results.groups[0]?.explanations ?? {}).sort()).toEqual(['c01', 'c02'])
      const stored = await deps.stores.results.getPublished({ tenantId, evaluationId, revision: 0 })
      expect(results.groups).toEqual(stored.map((snapshot) => snapshot.group))
    },
  )

  it('shows a unit user only its own row and explanation, and not as a shared view', async () => {
    const deps = await publishedEvaluation()

    const results = await readResults({
      deps,
      actor: unitUser('c02'),
      input: { evaluationId, isPreview: false },
    })

    expect(results.isSharedView).toBe(false)
    expect(rowsOf(results)).toEqual([['county', [['c02', 2, '74.00']]]])
    expect(Object.keys(results.groups[0]?.explanations ?? {})).toEqual(['c02'])
  })

  it('shows a unit user of a unit outside the evaluation no group at all', async () => {
    const deps = await publishedEvaluation()

    const results = await readResults({
      deps,
      actor: unitUser('z01'),
      input: { evaluationId, isPreview: false },
    })

    expect(results.groups).toEqual([])
  })

  it('refuses a unit user a preview with ForbiddenError', async () => {
    const deps = await publishedEvaluation()

    const preview = readResults({ deps, actor: unitUser('c01'), input: { evaluationId, isPreview: true } })

    await expect(preview).rejects.toBeInstanceOf(ForbiddenError)
  })

  it('answers 409 while nothing is published, to staff and unit users', async () => {
    const deps = evaluationTestDeps()
    await setUpMiniEvaluation({ deps })

    for (const actor of [admin, unitUser('c01')]) {
      const read = readResults({ deps, actor, input: { evaluationId, isPreview: false } })
      await expect(read).rejects.toBeInstanceOf(ConflictError)
      await expect(read).rejects.toMatchObject({ details: { status: 'draft' } })
    }
  })

  it('answers 409 for a revision that is not published yet', async () => {
    const deps = await publishedEvaluation()

    const read = readResults({ deps, actor: admin, input: { evaluationId, revision: 1, isPreview: false } })

    await expect(read).rejects.toBeInstanceOf(ConflictError)
  })

  it('previews the current scores of a draft to staff, not as a shared view', async () => {
    const deps = evaluationTestDeps()
    await setUpMiniEvaluation({ deps })
    await importScores({
      deps,
      actor: evaluator,
      input: { evaluationId, source: { kind: 'entries', scores: miniScores } },
    })

    const results = await readResults({ deps, actor: supervisor, input: { evaluationId, isPreview: true } })

    expect(results).toMatchObject({ status: 'preview', revision: 0, isSharedView: false })
    expect(rowsOf(results)[0]).toEqual([
      'county',
      [
        ['c01', 1, '91.00'],
        ['c02', 2, '74.00'],
      ],
    ])
  })

  it('previews a reopened revision from its changed scores while the published one stays as it was', async () => {
    const deps = await publishedEvaluation()
    await reEvaluateEvaluation({
      deps,
      actor: admin,
      input: { evaluationId, expectedVersion: 3, reason: '复查' },
    })
    await putScore({
      deps,
      actor: evaluator,
      input: {
        evaluationId,
        score: { unitId: 'c02', kind: 'score', key: '互动交流', value: 30 },
        expectedVersion: 1,
      },
    })

    const preview = await readResults({
      deps,
      actor: admin,
      input: { evaluationId, groupId: 'county', isPreview: true },
    })
    const published = await readResults({
      deps,
      actor: admin,
      input: { evaluationId, groupId: 'county', isPreview: false },
    })

    expect(preview.revision).toBe(1)
    expect(rowsOf(preview)).toEqual([
      [
        'county',
        [
          ['c01', 1, '91.00'],
          ['c02', 2, '80.00'],
        ],
      ],
    ])
    expect(published.revision).toBe(0)
    expect(rowsOf(published)).toEqual([
      [
        'county',
        [
          ['c01', 1, '91.00'],
          ['c02', 2, '74.00'],
        ],
      ],
    ])
  })

  it('narrows the answer to one group', async () => {
    const deps = await publishedEvaluation()

    const results = await readResults({
      deps,
      actor: admin,
      input: { evaluationId, groupId: 'department', isPreview: false },
    })

    expect(results.groups.map((group) => group.groupId)).toEqual(['department'])
  })

  it("answers another tenant's or an unknown evaluation with NotFoundError, published or preview", async () => {
    const deps = await publishedEvaluation()

    for (const isPreview of [false, true]) {
      await expect(
        readResults({ deps, actor: otherTenantAdmin, input: { evaluationId, isPreview } }),
      ).rejects.toBeInstanceOf(NotFoundError)
      await expect(
        readResults({ deps, actor: admin, input: { evaluationId: 'e1999', isPreview } }),
      ).rejects.toBeInstanceOf(NotFoundError)
    }
  })
})
