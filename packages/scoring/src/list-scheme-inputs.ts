import { compileScheme } from './compile-scheme'
import type { CompiledScheme } from './compiled-scheme'
import { NA_NONE } from './compiled-scheme'
import type { Raters } from './indicator-schema'
import { ScoringInputError } from './scoring-input-error'

/**
 * One key an evaluator or an import may enter for a group: a scored leaf, a measure, a veto check,
 * a split indicator entered as a whole (`parts`), or the printed total kept for reconciliation.
 */
export interface SchemeInputKey {
  key: string
  kind: 'score' | 'measure' | 'flag' | 'printed-total'
  label: string
  /** Other spellings a spreadsheet header may use (labels). */
  aliases: string[]
  /** Whether 无 (null) has a rule other than counting as zero. */
  allowsNotApplicable: boolean
  /**
   * For an indicator split into parts (Zhengzhou: content 50% / format 50%): a value entered for the
   * whole is stored as its parts in the scheme's proportions, which is how the cities' own
   * spreadsheets carry it (one column per level-1 indicator).
   */
  parts?: { key: string; share: number }[]
  /** The most a score may be (a split part: its share of the whole); absent for measures and checks. */
  max?: number
  /** Whether a score may exceed `max` (bonus points inside the indicator). */
  allowsAboveMax?: boolean
  /** How several raters' scores combine, when the indicator takes them. */
  raters?: Raters
}

/**
 * The scored leaves, measures and veto checks a group's units take as inputs: what score entry
 * forms and import sheets are built from.
 *
 * @example
 * listSchemeInputs({ scheme, groupId: 'county' }).map((input) => input.key)
 */
export function listSchemeInputs(options: {
  scheme: CompiledScheme | unknown
  groupId: string
}): SchemeInputKey[] {
  const compiled =
    options.scheme instanceof Object && (options.scheme as CompiledScheme).trees instanceof Map
      ? (options.scheme as CompiledScheme)
      : compileScheme({ scheme: options.scheme })
  const group = compiled.groups.get(options.groupId)
  if (!group)
    throw new ScoringInputError({
      issues: [{ path: 'groupId', message: `unknown group ${options.groupId}` }],
    })
  const tree = group.tree
  const hasPolicy = (node: number): boolean => {
    for (let at = node; at >= 0; at = tree.parent[at]!) if (tree.notApplicable[at] !== NA_NONE) return true
    return false
  }
  const scores = Array.from(
    tree.inputNodes,
    (node): SchemeInputKey => ({
      key: tree.ids[node]!,
      kind: 'score',
      label: tree.labels[node]!,
      aliases: [tree.labels[node]!],
      allowsNotApplicable: hasPolicy(node),
      max: tree.max[node]!,
      allowsAboveMax: tree.allowsAboveMax[node] === 1,
      ...(tree.raters[node] ? { raters: tree.raters[node] } : {}),
    }),
  )
  const measures = compiled.scheme.measures.map(
    (measure): SchemeInputKey => ({
      key: measure.id,
      kind: 'measure',
      label: measure.label,
      aliases: [measure.label],
      allowsNotApplicable: false,
    }),
  )
  const flags = (compiled.scheme.vetoes?.checks ?? []).map(
    (check): SchemeInputKey => ({
      key: check.id,
      kind: 'flag',
      label: check.label,
      aliases: [check.label],
      allowsNotApplicable: false,
    }),
  )
  return [...scores, ...measures, ...flags]
}
