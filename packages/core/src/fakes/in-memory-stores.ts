import { InMemoryAuditLog } from './in-memory-audit-log'
import { InMemoryEvaluationStore } from './in-memory-evaluation-store'
import { InMemoryOrgStore } from './in-memory-org-store'
import { InMemoryResultStore } from './in-memory-result-store'
import { InMemorySchemeStore } from './in-memory-scheme-store'
import { InMemoryScoreStore } from './in-memory-score-store'
import { InMemoryUserStore } from './in-memory-user-store'

/** Every tenant store as one in-memory "table": the fakes share one audit trail, as the real ones do. */
export function createInMemoryStores(): {
  audit: InMemoryAuditLog
  users: InMemoryUserStore
  org: InMemoryOrgStore
  schemes: InMemorySchemeStore
  evaluations: InMemoryEvaluationStore
  scores: InMemoryScoreStore
  results: InMemoryResultStore
} {
  const audit = new InMemoryAuditLog()
  const results = new InMemoryResultStore()
  const evaluations = new InMemoryEvaluationStore({ audit, results })
  return {
    audit,
    users: new InMemoryUserStore({ audit }),
    org: new InMemoryOrgStore({ audit }),
    schemes: new InMemorySchemeStore({ audit }),
    evaluations,
    scores: new InMemoryScoreStore({ audit, evaluationOf: (tenantId, id) => evaluations.peek(tenantId, id) }),
    results,
  }
}
