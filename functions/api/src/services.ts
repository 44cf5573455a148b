import type {
  AuditLog,
  BlobStore,
  Clock,
  EvaluationStore,
  IdentityProvider,
  IdSource,
  OrgStore,
  ResultStore,
  SchemeStore,
  ScoreStore,
  TenantDirectory,
  UserStore,
} from '@pingce/core'

/**
 * The ports every use case draws from, with the clock and the id source. A use case names the part
 * it needs (`Pick<Services, 'evaluations' | 'clock'>`); the composition roots (dependencies.ts for
 * AWS and the local stack, the test helpers for the fakes) build the whole.
 */
export interface Services {
  identity: IdentityProvider
  tenants: TenantDirectory
  users: UserStore
  org: OrgStore
  schemes: SchemeStore
  evaluations: EvaluationStore
  scores: ScoreStore
  results: ResultStore
  audit: AuditLog
  blobs: BlobStore
  clock: Clock
  newId: IdSource
}
