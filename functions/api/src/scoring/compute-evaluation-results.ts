// TEMPORARY until the engine lands
import type { Evaluation, EvaluationStore, OrgStore, SchemeStore } from '@pingce/core'
import type { GroupResult } from './group-result'
export async function computeEvaluationResults(_options: {
  tenantId: string
  evaluation: Evaluation
  evaluations: EvaluationStore
  schemes: SchemeStore
  org: OrgStore
}): Promise<GroupResult[]> {
  return []
}
