import type { Actor, StoredScheme } from '@pingce/core'
import { auditEntryOf } from '../audit/audit-entry-of'
import type { Services } from '../services'
import { validateSchemeDocument } from './validate-scheme-document'

/**
 * Checks a scheme document with the engine (a scheme that cannot be scored never reaches an
 * evaluation), stamps who and when, and stores the version with its audit entry.
 */
export async function storeSchemeVersion(options: {
  deps: Pick<Services, 'schemes' | 'clock' | 'newId'>
  actor: Actor
  fields: { schemeId: string; name: string; document: Record<string, unknown>; version: number }
  before: StoredScheme | undefined
}): Promise<StoredScheme> {
  const { deps, actor, fields } = options
  validateSchemeDocument({ document: fields.document })
  const at = deps.clock().toISOString()
  const scheme: StoredScheme = { ...fields, createdAt: at, createdBy: actor.userId }
  await deps.schemes.createVersion({
    tenantId: actor.tenantId,
    scheme,
    audit: auditEntryOf({
      actor,
      at,
      newId: deps.newId,
      action: fields.version === 1 ? 'scheme.create' : 'scheme.version',
      entityType: 'scheme',
      entityId: fields.schemeId,
      before: options.before ? { version: options.before.version, name: options.before.name } : null,
      after: { version: scheme.version, name: scheme.name, document: scheme.document },
    }),
  })
  return scheme
}
