import { type Actor, assertRole, NotFoundError, type StoredScheme } from '@pingce/core'
import type { Services } from '../services'
import { readSchemeRoles } from './list-schemes'

/** One version of a scheme, or its latest when no version is named. */
export async function getScheme(options: {
  deps: Pick<Services, 'schemes'>
  actor: Actor
  input: { schemeId: string; version?: number | undefined }
}): Promise<StoredScheme> {
  const { deps, actor, input } = options
  assertRole({ actor, roles: readSchemeRoles })
  const { tenantId } = actor
  const scheme =
    input.version === undefined
      ? await deps.schemes.getLatest({ tenantId, schemeId: input.schemeId })
      : await deps.schemes.getVersion({ tenantId, schemeId: input.schemeId, version: input.version })
  if (!scheme)
    throw new NotFoundError({ message: input.version === undefined ? '未找到该方案' : '未找到该方案版本' })
  return scheme
}
