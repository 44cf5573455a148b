export { type AuditEntry, AuditEntrySchema } from './audit/audit-entry'
export { type Actor, assertRole } from './auth/actor'
export type { AuthContext } from './auth/auth-context'
export { AuthContextSchema } from './auth/auth-context-schema'
export { type Role, RoleSchema, type TenantRole, TenantRoleSchema, tenantRoles } from './auth/role'
export { EmailSchema, PasswordSchema, type User, UserSchema } from './auth/user'
export { VerifiedAuthContextSchema } from './auth/verified-auth-context-schema'
export * from './errors'
export {
  type Evaluation,
  EvaluationGroupSchema,
  EvaluationSchema,
  type EvaluationStatus,
  EvaluationStatusSchema,
  type Period,
  PeriodSchema,
} from './evaluations/evaluation'
export { periodKey } from './evaluations/period-key'
export { type ScoreEntry, ScoreEntrySchema, scoreEntryId } from './evaluations/score-entry'
export {
  type EvaluationAction,
  publishedRevision,
  statusLabels,
  transitionEvaluation,
} from './evaluations/transition-evaluation'
export { NewMediaAccountSchema, type Unit, UnitSchema, WebsiteSchema } from './org/unit'
export { EntityIdSchema, type UnitGroup, UnitGroupSchema } from './org/unit-group'
export type { AuditLog } from './ports/audit-log'
export type { BlobStore } from './ports/blob-store'
export {
  type CredentialStore,
  type SignInAttemptOutcome,
  type StoredCredential,
  StoredCredentialSchema,
} from './ports/credential-store'
export type { EvaluationStore } from './ports/evaluation-store'
export type { DependencyStatus, HealthProbe } from './ports/health-probe'
export type { IdentityProvider, IssuedToken } from './ports/identity-provider'
export { maxUnitsPerWrite, type OrgStore } from './ports/org-store'
export type { ResultStore } from './ports/result-store'
export type { Clock, IdSource } from './ports/runtime'
export type { SchemeStore } from './ports/scheme-store'
export type { PendingImport, ScoreImportRecord, ScoreStore } from './ports/score-store'
export type { TenantDirectory } from './ports/tenant-directory'
export type { UserStore } from './ports/user-store'
export {
  type PublishedExplanation,
  type PublishedExplanationLine,
  PublishedExplanationLineSchema,
  PublishedExplanationSchema,
  type PublishedGroup,
  PublishedGroupSchema,
  PublishedGroupStatisticsSchema,
  type PublishedRow,
  PublishedRowSchema,
  type PublishedSnapshot,
} from './results/published-group'
export { type StoredScheme, StoredSchemeSchema } from './schemes/stored-scheme'
export {
  type DivisionCodeStatus,
  DivisionCodeStatusSchema,
  type NewTenant,
  NewTenantIdSchema,
  reservedTenantIds,
  type Tenant,
  TenantIdSchema,
  TenantSchema,
  type TenantTier,
  TenantTierSchema,
} from './tenants/tenant'
