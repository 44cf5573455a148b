import { tenantPartition } from './keys'

/** A row an index returned under a tenant's partition whose own partition key is another's. */
export interface ForeignRow {
  index: string
  expectedPk: string
  pk: string
  sk: string
}

export type ForeignRowReporter = (row: ForeignRow) => void

/**
 * Keeps only the rows of an index read whose table partition is the caller's tenant. IAM's
 * `dynamodb:LeadingKeys` checks the table's partition key only, so an item written under
 * `pk = TENANT#a` with `gsi1pk = TENANT#b` (a bug) would otherwise surface in b's index queries.
 * Each dropped row is reported (the composition root logs it).
 */
export function tenantRows<T extends Record<string, unknown>>(options: {
  items: T[]
  tenantId: string
  index: string
  onForeignRow: ForeignRowReporter | undefined
}): T[] {
  const expectedPk = tenantPartition(options.tenantId)
  return options.items.filter((item) => {
    if (item.pk === expectedPk) return true
    options.onForeignRow?.({ index: options.index, expectedPk, pk: String(item.pk), sk: String(item.sk) })
    return false
  })
}
