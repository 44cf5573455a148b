import { gzipSync } from 'node:zlib'
import type { Evaluation, EvaluationStore, PublishedSnapshot, ResultStore } from '@pingce/core'

/**
 * Published results are immutable (each revision is written once, with `attribute_not_exists`), so
 * an instance may keep them as long as it likes: the cache can never serve a wrong revision. What
 * can change is which revision is the latest published one; that comes from the evaluation item,
 * which readers may see up to `evaluationTtlMs` late (1 s by default), like a CDN's max-age.
 * Keys start with the tenant from the verified token, so tenants never share an entry.
 */
export class PublishedResultsCache {
  readonly #evaluationStore: EvaluationStore
  readonly #results: ResultStore
  readonly #evaluationTtlMs: number
  readonly #maxSnapshots: number
  readonly #now: () => number
  readonly #snapshots = new Map<string, Promise<PublishedSnapshot[]>>()
  readonly #evaluations = new Map<string, { at: number; value: Promise<Evaluation | undefined> }>()
  readonly #rendered = new Map<string, { text: string; gzip: Uint8Array<ArrayBuffer> }>()

  constructor(options: {
    evaluations: EvaluationStore
    results: ResultStore
    evaluationTtlMs?: number
    maxSnapshots?: number
    now?: () => number
  }) {
    this.#evaluationStore = options.evaluations
    this.#results = options.results
    this.#evaluationTtlMs = options.evaluationTtlMs ?? 1_000
    this.#maxSnapshots = options.maxSnapshots ?? 200
    this.#now = options.now ?? Date.now
  }

  evaluation(options: { tenantId: string; evaluationId: string }): Promise<Evaluation | undefined> {
    const key = `${options.tenantId}/${options.evaluationId}`
    const cached = this.#evaluations.get(key)
    if (cached && this.#now() - cached.at < this.#evaluationTtlMs) return cached.value
    const value = this.#evaluationStore.getEvaluation(options)
    this.#evaluations.set(key, { at: this.#now(), value })
    value.catch(() => this.#evaluations.delete(key))
    if (this.#evaluations.size > this.#maxSnapshots * 4)
      this.#evaluations.delete(this.#evaluations.keys().next().value ?? '')
    return value
  }

  snapshots(options: {
    tenantId: string
    evaluationId: string
    revision: number
  }): Promise<PublishedSnapshot[]> {
    const key = `${options.tenantId}/${options.evaluationId}/${options.revision}`
    const cached = this.#snapshots.get(key)
    if (cached) {
      // Least recently used goes first: re-insert on every hit.
      this.#snapshots.delete(key)
      this.#snapshots.set(key, cached)
      return cached
    }
    const value = this.#results.getPublished(options).then((snapshots) => {
      // A revision that has no snapshot yet is not cached: it may be being published right now.
      if (snapshots.length === 0) this.#snapshots.delete(key)
      return snapshots
    })
    value.catch(() => this.#snapshots.delete(key))
    this.#snapshots.set(key, value)
    if (this.#snapshots.size > this.#maxSnapshots)
      this.#snapshots.delete(this.#snapshots.keys().next().value ?? '')
    return value
  }

  /**
   * The serialised response for a published view that does not depend on the caller (staff see
   * the whole table): rendered once per revision and view, then served as is.
   */
  rendered(options: { key: string; render: () => unknown }): { text: string; gzip: Uint8Array<ArrayBuffer> } {
    const cached = this.#rendered.get(options.key)
    if (cached !== undefined) return cached
    const text = JSON.stringify(options.render())
    // Compressed once here rather than on every response: browsers always accept gzip.
    const rendered = { text, gzip: new Uint8Array(gzipSync(text)) }
    this.#rendered.set(options.key, rendered)
    if (this.#rendered.size > this.#maxSnapshots)
      this.#rendered.delete(this.#rendered.keys().next().value ?? '')
    return rendered
  }
}
