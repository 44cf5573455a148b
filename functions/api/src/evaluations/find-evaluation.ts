import { ConflictError, type Evaluation, type EvaluationStore, NotFoundError } from '@pingce/core'

/** The evaluation of the tenant, or NotFoundError. */
export async function findEvaluation(options: {
  evaluations: EvaluationStore
  tenantId: string
  evaluationId: string
}): Promise<Evaluation> {
  const evaluation = await options.evaluations.getEvaluation(options)
  if (!evaluation) throw new NotFoundError({ message: '未找到该评估' })
  return evaluation
}

/** The evaluation, if its scores may still change (a draft); ConflictError otherwise. */
export async function findDraftEvaluation(options: {
  evaluations: EvaluationStore
  tenantId: string
  evaluationId: string
}): Promise<Evaluation> {
  const evaluation = await findEvaluation(options)
  if (evaluation.status !== 'draft') {
    throw new ConflictError({
      message: '评估已提交审核或已发布，分数不能修改',
      details: { status: evaluation.status },
    })
  }
  return evaluation
}
