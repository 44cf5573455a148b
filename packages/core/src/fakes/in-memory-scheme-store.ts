import type { AuditEntry } from '../audit/audit-entry'
import { ConflictError } from '../errors'
import type { SchemeStore } from '../ports/scheme-store'
import { type StoredScheme, StoredSchemeSchema } from '../schemes/stored-scheme'
import { InMemoryAuditLog } from './in-memory-audit-log'

/** The in-memory SchemeStore for unit tests. */
export class InMemorySchemeStore implements SchemeStore {
  readonly #versions = new Map<string, StoredScheme>()
  readonly #audit: InMemoryAuditLog

  constructor(options: { audit?: InMemoryAuditLog } = {}) {
    this.#audit = options.audit ?? new InMemoryAuditLog()
  }

  async createVersion(options: { tenantId: string; scheme: StoredScheme; audit: AuditEntry }): Promise<void> {
    const scheme = StoredSchemeSchema.parse(options.scheme)
    const key = `${options.tenantId}/${scheme.schemeId}/${scheme.version}`
    if (this.#versions.has(key)) {
      throw new ConflictError({
        message: '该方案版本已存在，可能有他人同时修改了方案',
        issues: [{ path: 'version', message: `version ${scheme.version} already exists` }],
      })
    }
    this.#versions.set(key, structuredClone(scheme))
    this.#audit.record(options)
  }

  async getVersion(options: {
    tenantId: string
    schemeId: string
    version: number
  }): Promise<StoredScheme | undefined> {
    return structuredClone(this.#versions.get(`${options.tenantId}/${options.schemeId}/${options.version}`))
  }

  async getLatest({
    tenantId,
    schemeId,
  }: {
    tenantId: string
    schemeId: string
  }): Promise<StoredScheme | undefined> {
    return (await this.listLatest({ tenantId })).find((scheme) => scheme.schemeId === schemeId)
  }

  async listLatest({ tenantId }: { tenantId: string }): Promise<StoredScheme[]> {
    const latest = new Map<string, StoredScheme>()
    for (const [key, scheme] of this.#versions) {
      if (!key.startsWith(`${tenantId}/`)) continue
      const known = latest.get(scheme.schemeId)
      if (!known || known.version < scheme.version) latest.set(scheme.schemeId, scheme)
    }
    return [...latest.values()]
      .sort((a, b) => (a.schemeId < b.schemeId ? -1 : a.schemeId > b.schemeId ? 1 : 0))
      .map((scheme) => structuredClone(scheme))
  }
}
