import { TenantIdSchema } from '@pingce/core'

/**
 * Every DynamoDB key of the product is built here and nowhere else.
 *
 * Tenant items: `pk = TENANT#<tenantId>` exactly, and the GSI partition keys of tenant items are the
 * same string. That exactness is what lets the tenant-scoped IAM role allow access with
 * `ForAllValues:StringEquals dynamodb:LeadingKeys = TENANT#${aws:PrincipalTag/TenantId}`: a key
 * like `TENANT#a#EVAL#1` would be refused, so the hierarchy lives in the sort keys.
 *
 * Platform items (the tenant register, logins before the tenant is known, published national
 * aggregates) live under `PLATFORM#…` partitions, which only the function's own role may touch.
 */
export function tenantPartition(tenantId: string): string {
  // Re-validated here because a key is the last line of defence: an id with `#` could forge a key.
  const parsed = TenantIdSchema.safeParse(tenantId)
  if (!parsed.success) throw new Error('invalid tenant id for a key')
  return `TENANT#${tenantId}`
}

const segment = (value: string): string => {
  if (value.length === 0 || value.includes('#')) throw new Error('invalid key segment')
  return value
}

/** Zero-padded so that sort keys order numerically. */
const pad = (value: number, width: number): string => String(value).padStart(width, '0')

export const platformKeys = {
  tenantRegister: (tenantId: string) => ({ pk: 'PLATFORM#TENANTS', sk: `TENANT#${segment(tenantId)}` }),
  tenantRegisterPrefix: { pk: 'PLATFORM#TENANTS', skPrefix: 'TENANT#' },
  divisionCodeClaim: (divisionCode: string) => ({
    pk: 'PLATFORM#DIVISIONS',
    sk: `DIVISION#${segment(divisionCode)}`,
  }),
  /** Local credentials (the local stand-in for the Cognito user pool), found by email at sign-in. */
  loginByEmail: (email: string) => ({ pk: 'PLATFORM#LOGINS', sk: `EMAIL#${segment(email.toLowerCase())}` }),
  /** GSI1 of a login item: find it by tenant and user for an admin reset. */
  loginByUser: (tenantId: string | undefined, userId: string) => ({
    gsi1pk: 'PLATFORM#LOGINS',
    gsi1sk: `USER#${tenantId ? segment(tenantId) : '-'}#${segment(userId)}`,
  }),
  /** Aggregates a city chose to publish for the national benchmark, per year. */
  benchmark: (year: number, tenantId: string) => ({
    pk: `PLATFORM#BENCHMARK#${pad(year, 4)}`,
    sk: `TENANT#${segment(tenantId)}`,
  }),
} as const

/** Sort keys inside a tenant partition (`pk = TENANT#<tenantId>`). */
export const tenantKeys = {
  profile: (tenantId: string) => ({ pk: tenantPartition(tenantId), sk: 'PROFILE' }),
  user: (tenantId: string, userId: string) => ({
    pk: tenantPartition(tenantId),
    sk: `USER#${segment(userId)}`,
  }),
  userPrefix: 'USER#',
  group: (tenantId: string, groupId: string) => ({
    pk: tenantPartition(tenantId),
    sk: `GROUP#${segment(groupId)}`,
  }),
  groupPrefix: 'GROUP#',
  unit: (tenantId: string, unitId: string) => ({
    pk: tenantPartition(tenantId),
    sk: `UNIT#${segment(unitId)}`,
  }),
  unitPrefix: 'UNIT#',
  /** GSI1 of a unit: the units of a group. */
  unitByGroup: (tenantId: string, groupId: string, unitId: string) => ({
    gsi1pk: tenantPartition(tenantId),
    gsi1sk: `GROUPUNIT#${segment(groupId)}#${segment(unitId)}`,
  }),
  unitByGroupPrefix: (groupId: string) => `GROUPUNIT#${segment(groupId)}#`,
  schemeVersion: (tenantId: string, schemeId: string, version: number) => ({
    pk: tenantPartition(tenantId),
    sk: `SCHEME#${segment(schemeId)}#V#${pad(version, 6)}`,
  }),
  schemeVersionPrefix: (schemeId: string) => `SCHEME#${segment(schemeId)}#V#`,
  schemePrefix: 'SCHEME#',
  evaluation: (tenantId: string, evaluationId: string) => ({
    pk: tenantPartition(tenantId),
    sk: `EVAL#${segment(evaluationId)}`,
  }),
  /** GSI1 of an evaluation: evaluations in period order. */
  evaluationByPeriod: (tenantId: string, periodKey: string, evaluationId: string) => ({
    gsi1pk: tenantPartition(tenantId),
    gsi1sk: `EVALPERIOD#${segment(periodKey)}#${segment(evaluationId)}`,
  }),
  evaluationByPeriodPrefix: 'EVALPERIOD#',
  score: (tenantId: string, evaluationId: string, entryId: string) => ({
    pk: tenantPartition(tenantId),
    sk: `EVAL#${segment(evaluationId)}#SCORE#${segment(entryId)}`,
  }),
  scorePrefix: (evaluationId: string) => `EVAL#${segment(evaluationId)}#SCORE#`,
  result: (tenantId: string, evaluationId: string, revision: number, groupId: string) => ({
    pk: tenantPartition(tenantId),
    sk: `EVAL#${segment(evaluationId)}#RESULT#${pad(revision, 4)}#${segment(groupId)}`,
  }),
  resultRevisionPrefix: (evaluationId: string, revision: number) =>
    `EVAL#${segment(evaluationId)}#RESULT#${pad(revision, 4)}#`,
  scoreImport: (tenantId: string, evaluationId: string, importId: string) => ({
    pk: tenantPartition(tenantId),
    sk: `EVAL#${segment(evaluationId)}#IMPORT#${segment(importId)}`,
  }),
  /** The one import of an evaluation under way: present from its first chunk until it completes. */
  pendingImport: (tenantId: string, evaluationId: string) => ({
    pk: tenantPartition(tenantId),
    sk: `EVAL#${segment(evaluationId)}#PENDING`,
  }),
  /** The before-images of one chunk of a pending import, written in the chunk's own transaction. */
  importUndo: (tenantId: string, evaluationId: string, importId: string, chunk: number) => ({
    pk: tenantPartition(tenantId),
    sk: `EVAL#${segment(evaluationId)}#UNDO#${segment(importId)}#${pad(chunk, 5)}`,
  }),
  importUndoPrefix: (evaluationId: string, importId: string) =>
    `EVAL#${segment(evaluationId)}#UNDO#${segment(importId)}#`,
  audit: (tenantId: string, at: string, auditId: string) => ({
    pk: tenantPartition(tenantId),
    sk: `AUDIT#${segment(at)}#${segment(auditId)}`,
  }),
  auditPrefix: 'AUDIT#',
  /** GSI1 of an audit entry: the trail of one evaluation. */
  auditByEvaluation: (tenantId: string, evaluationId: string, at: string, auditId: string) => ({
    gsi1pk: tenantPartition(tenantId),
    gsi1sk: `AUDITEVAL#${segment(evaluationId)}#${segment(at)}#${segment(auditId)}`,
  }),
  auditByEvaluationPrefix: (evaluationId: string) => `AUDITEVAL#${segment(evaluationId)}#`,
  /** GSI2 of an audit entry: the trail of one entity (a unit, a user, a scheme, a score …). */
  auditByEntity: (tenantId: string, entityType: string, entityId: string, at: string, auditId: string) => ({
    gsi2pk: tenantPartition(tenantId),
    gsi2sk: `AUDITENTITY#${segment(entityType)}#${segment(entityId)}#${segment(at)}#${segment(auditId)}`,
  }),
  auditByEntityPrefix: (entityType: string, entityId: string) =>
    `AUDITENTITY#${segment(entityType)}#${segment(entityId)}#`,
  /** Quarterly self-check and rectification report of a unit (自查整改报告); attachments in S3. */
  selfCheckReport: (tenantId: string, unitId: string, year: number, quarter: number) => ({
    pk: tenantPartition(tenantId),
    sk: `SELFCHECK#${segment(unitId)}#${pad(year, 4)}Q${quarter}`,
  }),
  /** Monthly information-submission figures (报送数 / 采用数) of a unit. */
  submissionFigures: (tenantId: string, yearMonth: string, unitId: string) => ({
    pk: tenantPartition(tenantId),
    sk: `SUBMISSION#${segment(yearMonth)}#${segment(unitId)}`,
  }),
  /** Monthly monitoring figures (blank and stale columns, broken links) of a site. */
  monitoringFigures: (tenantId: string, yearMonth: string, unitId: string) => ({
    pk: tenantPartition(tenantId),
    sk: `MONITOR#${segment(yearMonth)}#${segment(unitId)}`,
  }),
  /** Report generation jobs (circulars, score sheets into S3). */
  reportJob: (tenantId: string, jobId: string) => ({
    pk: tenantPartition(tenantId),
    sk: `JOB#${segment(jobId)}`,
  }),
} as const
