import type { PublishedSnapshot } from '../results/published-group'

/**
 * Published results, read side: written once per revision by the publication (see
 * {@link EvaluationStore.updateEvaluation}), parsed against {@link PublishedGroupSchema} on read.
 * A stored snapshot that does not parse is a {@link StoredDataError}, never an unchecked value.
 */
export interface ResultStore {
  getPublished(options: {
    tenantId: string
    evaluationId: string
    revision: number
  }): Promise<PublishedSnapshot[]>
}
