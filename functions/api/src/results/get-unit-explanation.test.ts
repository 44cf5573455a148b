import { ForbiddenError, NotFoundError } from '@pingce/core'
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
import { getUnitExplanation } from './get-unit-explanation'

const evaluationId = 'e2020'

async function publishedEvaluation(): Promise<EvaluationTestDeps> {
  const deps = evaluationTestDeps()
  await publishedMiniEvaluation({ deps })
  return deps
}

describe('getUnitExplanation', () => {
  it.each([admin, evaluator, supervisor])(
    "explains any unit's total to a $role, indicator by indicator",
    async (actor) => {
      const deps = await publishedEvaluation()

      const explanation = await getUnitExplanation({
        deps,
        actor,
        input: { evaluationId, unitId: 'c02', isPreview: false },
      })

      expect(explanation).toMatchObject({
        unitId: 'c02',
        unitName: '荥阳市',
        total: 74,
        displayTotal: '74.00',
      })
      expect(explanation.lines.map((line) => [line.indicatorId, line.depth, line.rule, line.points])).toEqual(
        [
          ['信息公开', 0, 'sum', '30.00'],
          ['信息公开.内容', 1, 'scored', '15.00'],
          ['信息公开.格式', 1, 'scored', '15.00'],
          ['办事指南', 0, 'imputed', '15.00'],
          ['互动交流', 0, 'scored', '24.00'],
          ['信息报送', 0, 'derived', '5.00'],
        ],
      )
      const levelOne = explanation.lines.filter((line) => line.depth === 0)
      expect(levelOne.reduce((sum, line) => sum + line.exactPoints, 0)).toBeCloseTo(74, 10)
    },
  )

  it('explains to a unit user its own unit', async () => {
    const deps = await publishedEvaluation()

    const explanation = await getUnitExplanation({
      deps,
      actor: unitUser('d01'),
      input: { evaluationId, unitId: 'd01', isPreview: false },
    })

    expect(explanation).toMatchObject({ unitId: 'd01', total: 70 })
  })

  it("answers a unit user asking for another unit's explanation with NotFoundError", async () => {
    const deps = await publishedEvaluation()

    const explained = getUnitExplanation({
      deps,
      actor: unitUser('d01'),
      input: { evaluationId, unitId: 'd02', isPreview: false },
    })

    await expect(explained).rejects.toBeInstanceOf(NotFoundError)
  })

  it.each([
    ['a unit of a group outside the evaluation', 'z01'],
    ['an unknown unit', 'nobody'],
  ])('answers %s with NotFoundError', async (_case, unitId) => {
    const deps = await publishedEvaluation()

    const explained = getUnitExplanation({
      deps,
      actor: admin,
      input: { evaluationId, unitId, isPreview: false },
    })

    await expect(explained).rejects.toBeInstanceOf(NotFoundError)
  })

  it('refuses a unit user a preview with ForbiddenError', async () => {
    const deps = await publishedEvaluation()

    const explained = getUnitExplanation({
      deps,
      actor: unitUser('c01'),
      input: { evaluationId, unitId: 'c01', isPreview: true },
    })

    await expect(explained).rejects.toBeInstanceOf(ForbiddenError)
  })

  it('explains a draft from its current scores in a staff preview', async () => {
    const deps = evaluationTestDeps()
    await setUpMiniEvaluation({ deps })
    await importScores({
      deps,
      actor: evaluator,
      input: { evaluationId, source: { kind: 'entries', scores: miniScores } },
    })

    const explanation = await getUnitExplanation({
      deps,
      actor: evaluator,
      input: { evaluationId, unitId: 'd02', isPreview: true },
    })

    expect(explanation).toMatchObject({ unitId: 'd02', total: 46 })
    expect(explanation.lines.find((line) => line.indicatorId === '信息报送')?.inputs).toContain('采用数 10')
  })

  it('explains the revision asked for', async () => {
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

    const published = await getUnitExplanation({
      deps,
      actor: unitUser('c02'),
      input: { evaluationId, unitId: 'c02', revision: 0, isPreview: false },
    })
    const preview = await getUnitExplanation({
      deps,
      actor: admin,
      input: { evaluationId, unitId: 'c02', isPreview: true },
    })

    expect([published.total, preview.total]).toEqual([74, 80])
  })

  it("answers another tenant's evaluation with NotFoundError", async () => {
    const deps = await publishedEvaluation()

    const explained = getUnitExplanation({
      deps,
      actor: otherTenantAdmin,
      input: { evaluationId, unitId: 'c01', isPreview: false },
    })

    await expect(explained).rejects.toBeInstanceOf(NotFoundError)
  })
})
