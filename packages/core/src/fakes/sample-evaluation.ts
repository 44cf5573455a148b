import type { Evaluation } from '../evaluations/evaluation'

/** A draft yearly evaluation of one group, for tests; override what the test is about. */
export function sampleEvaluation(overrides: Partial<Evaluation> = {}): Evaluation {
  const at = '2026-11-23T08:00:00.000Z'
  return {
    evaluationId: 'e2020',
    name: '2020 年度政府网站绩效评估',
    period: { kind: 'year', year: 2020 },
    groups: [{ groupId: 'county', schemeId: 'main', schemeVersion: 1 }],
    sourceEvaluationIds: [],
    status: 'draft',
    revision: 0,
    isIllustrative: false,
    version: 1,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  }
}
