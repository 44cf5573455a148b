import type { ResultStore } from '../ports/result-store'
import { PublishedGroupSchema, type PublishedSnapshot } from '../results/published-group'
import { compareCodeUnits } from './compare-code-units'

/** The in-memory ResultStore; the in-memory EvaluationStore publishes into it. */
export class InMemoryResultStore implements ResultStore {
  readonly #snapshots = new Map<string, PublishedSnapshot>()

  #key(tenantId: string, evaluationId: string, revision: number, groupId: string): string {
    return `${tenantId}/${evaluationId}/${revision}/${groupId}`
  }

  /** Parses snapshots against the published contract: what a publication checks before it writes. */
  parse(snapshots: PublishedSnapshot[]): PublishedSnapshot[] {
    return snapshots.map((snapshot) => ({
      ...structuredClone(snapshot),
      group: PublishedGroupSchema.parse(snapshot.group),
    }))
  }

  /** Whether any of these snapshots (revision and group) is published already: a revision is immutable. */
  isPublished(options: { tenantId: string; evaluationId: string; snapshots: PublishedSnapshot[] }): boolean {
    return options.snapshots.some((snapshot) =>
      this.#snapshots.has(
        this.#key(options.tenantId, options.evaluationId, snapshot.revision, snapshot.groupId),
      ),
    )
  }

  /** Stores snapshots that {@link isPublished} found new; all or none, as each must parse. */
  publish(options: { tenantId: string; evaluationId: string; snapshots: PublishedSnapshot[] }): void {
    for (const snapshot of this.parse(options.snapshots)) {
      const key = this.#key(options.tenantId, options.evaluationId, snapshot.revision, snapshot.groupId)
      this.#snapshots.set(key, snapshot)
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
      .sort(([a], [b]) => compareCodeUnits(a, b))
      .map(([, snapshot]) => structuredClone(snapshot))
  }
}
