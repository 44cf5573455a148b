import type { AuditEntry } from '../audit/audit-entry'
import type { StoredScheme } from '../schemes/stored-scheme'

/** Versioned schemes: a version, once stored, never changes. */
export interface SchemeStore {
  /** Stores a new version with its audit entry; ConflictError when that version exists already. */
  createVersion(options: { tenantId: string; scheme: StoredScheme; audit: AuditEntry }): Promise<void>
  getVersion(options: {
    tenantId: string
    schemeId: string
    version: number
  }): Promise<StoredScheme | undefined>
  getLatest(options: { tenantId: string; schemeId: string }): Promise<StoredScheme | undefined>
  /** The latest version of every scheme of the tenant. */
  listLatest(options: { tenantId: string }): Promise<StoredScheme[]>
}
