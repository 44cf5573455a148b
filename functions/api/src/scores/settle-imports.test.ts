import { ConflictError, type PendingImport, type ScoreStore } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { settleImports } from './settle-imports'

const pending: PendingImport = {
  importId: 'imp-1',
  startedAt: '2026-11-23T08:00:00.000Z',
  leaseUntil: '2026-11-23T08:01:00.000Z',
}

/** A ScoreStore whose settling answers as given (the in-memory one never has a pending import). */
function storeSettling(answer: Awaited<ReturnType<ScoreStore['settlePendingImport']>>): {
  scores: ScoreStore
  asked: string[]
} {
  const asked: string[] = []
  const scores = {
    settlePendingImport: async (options: { tenantId: string; evaluationId: string }) => {
      asked.push(`${options.tenantId}/${options.evaluationId}`)
      return answer
    },
  } as unknown as ScoreStore
  return { scores, asked }
}

describe('settleImports', () => {
  it('lets the change go on when nothing is pending or a cut-off import was just undone', async () => {
    for (const answer of [
      { rolledBack: undefined, pending: undefined },
      { rolledBack: 'imp-1', pending: undefined },
    ]) {
      const { scores, asked } = storeSettling(answer)
      await expect(
        settleImports({ scores, tenantId: 'zhengzhou', evaluationId: 'e1' }),
      ).resolves.toBeUndefined()
      expect(asked).toEqual(['zhengzhou/e1'])
    }
  })

  it('refuses with 409 naming the import under way while one is live', async () => {
    const { scores } = storeSettling({ rolledBack: undefined, pending })
    const settled = settleImports({ scores, tenantId: 'zhengzhou', evaluationId: 'e1' })
    await expect(settled).rejects.toBeInstanceOf(ConflictError)
    await expect(settled).rejects.toMatchObject({
      status: 409,
      details: { reason: 'import-pending', pending },
    })
  })
})
