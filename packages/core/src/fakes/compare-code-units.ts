/**
 * Orders strings as DynamoDB orders sort keys (`B` before `a`, `-` before `_`), not as
 * `localeCompare` does, so that the fakes list in the order of the table. Code-unit order is the
 * table's UTF-8 byte order for every character outside the astral planes.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
