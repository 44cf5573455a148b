import { ConflictError } from '../errors'
import type { ResultStore } from '../ports/result-store'
import { type PublishedSnapshot, PublishedGroupSchema } from '../results/published-group'

/** The in-memory ResultStore; the in-memory EvaluationStore publishes into it. */
export class InMemoryResultStore implements ResultStore {
  readonly #snapshots = new Map<string, PublishedSnapshot>()

  #key(tenantId: string, evaluationId: string, revision: number, groupId: string): string {
    return `${tenantId}/${evaluationId}/${revision}/${groupId}`
  }

  /** Refuses (before anything is written) a revision that is already published. */
  assertNew(options: { tenantId: string; evaluationId: string; snapshots: PublishedSnapshot[] }): void {
    for (const snapshot of options.snapshots) {
      if (
        this.#snapshots.has(
          this.#key(options.tenantId, options.evaluationId, snapshot.revision, snapshot.groupId),
        )
      ) {
        throw new ConflictError({
          message: '该修订版本已发布，不能覆盖',
          details: { revision: snapshot.revision },
        })
      }
    }
  }

  publish(options: { tenantId: string; evaluationId: string; snapshots: PublishedSnapshot[] }): void {
    for (const snapshot of options.snapshots) {
      const key = this.#key(options.tenantId, options.evaluationId, snapshot.revision, snapshot.groupId)
      this.#snapshots.set(key, {
        ...structuredClone(snapshot),
        group: PublishedGroupSchema.parse(snapshot.group),
      })
    }
  }

  async getPublished(options: {
    tenantId: string
    evaluationId: string
    revision: number
  }): Promise<PublishedSnapshot[]> {
    const prefix = `${options.tenantId}/${options.evaluationId}/${options.revision}/`
    return [...this.#snapshots]
      .filter(([key]) => key.startsWith(prefix))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, snapshot]) => structuredClone(snapshot))
  }
}
