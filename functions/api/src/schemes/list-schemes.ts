import { type Actor, assertRole, type StoredScheme } from '@pingce/core'
import type { Services } from '../services'

export const readSchemeRoles = ['admin', 'evaluator', 'supervisor', 'unit'] as const

/** The latest version of every scheme of the tenant, without their documents. */
export async function listSchemes(options: {
  deps: Pick<Services, 'schemes'>
  actor: Actor
}): Promise<Omit<StoredScheme, 'document'>[]> {
  assertRole({ actor: options.actor, roles: readSchemeRoles })
  const schemes = await options.deps.schemes.listLatest({ tenantId: options.actor.tenantId })
  return schemes.map(({ document, ...summary }) => summary)
}
