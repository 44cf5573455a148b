import { EntityIdSchema } from '../org/unit-group'
import { z } from '../zod'

/**
 * One input of the scoring engine for one unit: an evaluator's score for a leaf indicator, a measure
 * (采用数, broken links…), or a flag (veto, no website). `value: null` means not applicable (无).
 * A `printed-total` is the total a published table printed for the unit: not an input of the
 * score, but what reconciliation compares the computed total with.
 * `period` is set for monthly inputs that the scheme aggregates; `rater` for multi-rater indicators.
 */
export const ScoreEntrySchema = z.object({
  unitId: EntityIdSchema,
  kind: z.enum(['score', 'measure', 'flag', 'printed-total']),
  /** Indicator id for a score, measure name for a measure, flag name for a flag. */
  key: z.string().min(1).max(100),
  period: z.string().max(20).optional(),
  rater: z.string().max(100).optional(),
  value: z.number().finite().nullable(),
  note: z.string().max(1000).optional(),
  version: z.number().int().positive(),
  updatedAt: z.string().datetime(),
  updatedBy: z.string(),
})
export type ScoreEntry = z.infer<typeof ScoreEntrySchema>

/** The identity of an entry inside an evaluation: what a second write of "the same score" collides on. */
export function scoreEntryId(
  entry: Pick<ScoreEntry, 'unitId' | 'kind' | 'key' | 'period' | 'rater'>,
): string {
  return [entry.unitId, entry.kind, entry.key, entry.period ?? '', entry.rater ?? '']
    .map(encodeURIComponent)
    .join('|')
}
