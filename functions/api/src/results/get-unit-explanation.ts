import { type Actor, NotFoundError, type PublishedExplanation } from '@pingce/core'
import { readResults } from './read-results'

/**
 * Why a unit has its total, indicator by indicator: from the published snapshot (or a staff
 * preview), under the same visibility policy as the results (a unit user: its own unit only).
 */
export async function getUnitExplanation(options: {
  deps: Parameters<typeof readResults>[0]['deps']
  actor: Actor
  input: { evaluationId: string; unitId: string; revision?: number | undefined; isPreview: boolean }
}): Promise<PublishedExplanation> {
  const { unitId, ...query } = options.input
  const { groups } = await readResults({ ...options, input: query })
  const explanation = groups.map((group) => group.explanations[unitId]).find((found) => found !== undefined)
  if (!explanation) throw new NotFoundError({ message: '未找到该单位的得分说明' })
  return explanation
}
