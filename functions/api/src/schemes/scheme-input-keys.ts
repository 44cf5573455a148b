import { type Indicator, listSchemeInputs, parseScheme, type SchemeInputKey } from '@pingce/scoring'

/** The published total of a unit, kept for reconciliation (对账). */
export const printedTotalKey: SchemeInputKey = {
  key: 'total',
  kind: 'printed-total',
  label: '总分',
  aliases: ['总分', '公布总分', 'total'],
  allowsNotApplicable: false,
}

function splitIndicators(indicators: Indicator[], inherited: boolean): SchemeInputKey[] {
  return indicators.flatMap((indicator) => {
    const allowsNotApplicable = inherited || indicator.notApplicable !== undefined
    const own: SchemeInputKey[] = indicator.split
      ? [
          {
            key: indicator.id,
            kind: 'score',
            label: indicator.label,
            aliases: [indicator.label],
            allowsNotApplicable,
            parts: indicator.split.map((part) => ({ key: `${indicator.id}.${part.id}`, share: part.share })),
            max: indicator.max,
            allowsAboveMax: indicator.allowsAboveMax === true,
          },
        ]
      : []
    return [...own, ...splitIndicators(indicator.children ?? [], allowsNotApplicable)]
  })
}

/**
 * What a group's units take as inputs under a scheme version: the engine's scored leaves,
 * measures and veto checks, plus split indicators as wholes and the printed total.
 */
export function schemeInputKeys(options: { document: unknown; groupId: string }): SchemeInputKey[] {
  const scheme = parseScheme({ document: options.document })
  const group = scheme.groups.find((candidate) => candidate.id === options.groupId)
  if (!group) return []
  const leaves = listSchemeInputs({ scheme, groupId: options.groupId })
  const wholes = splitIndicators(scheme.trees[group.tree] ?? [], false)
  return [
    ...leaves,
    ...wholes.filter((whole) => !leaves.some((leaf) => leaf.key === whole.key)),
    printedTotalKey,
  ]
}

/** Expands a value entered for a split whole into its parts; anything else passes through. */
export function expandInput<T extends { kind: string; key: string; value: number | null }>(options: {
  input: T
  keys: SchemeInputKey[]
}): T[] {
  const { input } = options
  const whole = options.keys.find((key) => key.key === input.key && key.kind === input.kind && key.parts)
  if (!whole?.parts) return [input]
  return whole.parts.map((part) => ({
    ...input,
    key: part.key,
    value: input.value === null ? null : input.value * part.share,
  }))
}
