import { ConflictError, type ScoreStore } from '@pingce/core'

/**
 * Before anything changes an evaluation's scores or status: undo an import whose importer died
 * (its lease ran out), and refuse while one is really under way (409, with when it started).
 */
export async function settleImports(options: {
  scores: ScoreStore
  tenantId: string
  evaluationId: string
}): Promise<void> {
  const { pending } = await options.scores.settlePendingImport(options)
  if (pending) {
    throw new ConflictError({
      message: '该评估正在导入分数，请稍后再试',
      details: { reason: 'import-pending', pending },
    })
  }
}
