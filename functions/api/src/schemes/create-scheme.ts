import { type Actor, assertRole, ConflictError, type StoredScheme } from '@pingce/core'
import type { Services } from '../services'
import type { CreateScheme } from './scheme-schemas'
import { storeSchemeVersion } from './store-scheme-version'

export const editSchemeRoles = ['admin'] as const

/** Creates a scheme as its version 1; ConflictError naming `schemeId` when the id is taken. */
export async function createScheme(options: {
  deps: Pick<Services, 'schemes' | 'clock' | 'newId'>
  actor: Actor
  input: CreateScheme
}): Promise<StoredScheme> {
  const { deps, actor, input } = options
  assertRole({ actor, roles: editSchemeRoles })
  if (await deps.schemes.getLatest({ tenantId: actor.tenantId, schemeId: input.schemeId })) {
    throw new ConflictError({
      message: '该方案标识已存在',
      issues: [{ path: 'schemeId', message: 'already exists' }],
    })
  }
  return storeSchemeVersion({ deps, actor, fields: { ...input, version: 1 }, before: undefined })
}
