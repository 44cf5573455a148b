import { type Actor, assertRole, ConflictError, NotFoundError, type StoredScheme } from '@pingce/core'
import type { Services } from '../services'
import { editSchemeRoles } from './create-scheme'
import type { NewSchemeVersion } from './scheme-schemas'
import { storeSchemeVersion } from './store-scheme-version'

/**
 * Edits a scheme by storing version n + 1 (a version never changes: evaluations pin theirs). The
 * edit names the version it started from; if someone stored a newer one since, 409 with it.
 */
export async function saveSchemeVersion(options: {
  deps: Pick<Services, 'schemes' | 'clock' | 'newId'>
  actor: Actor
  input: NewSchemeVersion & { schemeId: string }
}): Promise<StoredScheme> {
  const { deps, actor, input } = options
  assertRole({ actor, roles: editSchemeRoles })
  const latest = await deps.schemes.getLatest({ tenantId: actor.tenantId, schemeId: input.schemeId })
  if (!latest) throw new NotFoundError({ message: '未找到该方案' })
  if (latest.version !== input.basedOnVersion) {
    throw new ConflictError({
      message: `方案已有更新的版本（第 ${latest.version} 版），请基于最新版本修改`,
      details: { currentVersion: latest.version },
    })
  }
  const fields = {
    schemeId: input.schemeId,
    name: input.name ?? latest.name,
    document: input.document,
    version: latest.version + 1,
  }
  return storeSchemeVersion({ deps, actor, fields, before: latest })
}
