// TEMPORARY until the engine lands
export interface SchemeInputKey {
  key: string
  kind: 'score' | 'measure' | 'flag'
  label: string
  aliases: string[]
  allowsNotApplicable: boolean
}
export function schemeInputKeys(_options: { document: unknown; groupId: string }): SchemeInputKey[] {
  return []
}
