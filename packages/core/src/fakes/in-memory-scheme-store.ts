import { ConflictError } from '../errors'
import type { SchemeStore } from '../ports/scheme-store'
import type { StoredScheme } from '../schemes/stored-scheme'

/** The in-memory SchemeStore for unit tests. */
export class InMemorySchemeStore implements SchemeStore {
  readonly #versions = new Map<string, StoredScheme>()

  async createVersion({ tenantId, scheme }: { tenantId: string; scheme: StoredScheme }): Promise<void> {
    const key = `${tenantId}/${scheme.schemeId}/${scheme.version}`
    if (this.#versions.has(key)) {
      throw new ConflictError({
        message: '该方案版本已存在',
        issues: [{ path: 'version', message: 'already exists' }],
      })
    }
    this.#versions.set(key, structuredClone(scheme))
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
    return [...latest.values()].map((scheme) => structuredClone(scheme))
  }
}
