/**
 * One input as evaluators and imports record it (structurally a subset of core's ScoreEntry).
 * `value: null` means not applicable (无). `kind` defaults to `score`.
 */
export interface UnitEntry {
  kind?: 'score' | 'measure' | 'flag' | undefined
  /** Indicator id (a split part is `parent.part`; a parent with null marks all its leaves 无), measure id, or veto check id. */
  key: string
  period?: string | undefined
  rater?: string | undefined
  value: number | null
}

/** A unit (评估对象) of one group with its raw inputs. */
export interface UnitInput {
  id: string
  name?: string | undefined
  groupId: string
  entries: UnitEntry[]
}
