import type { AuditEntry, AuditLog, PublishedGroup, ScoreEntry, ScoreImportRecord } from '@pingce/core'
import { expect } from 'vitest'

/**
 * What the contract suites share. Every case takes fresh tenants, so the DynamoDB side can run all
 * cases of a file on one table (a table per case would cost more time than the cases themselves).
 */

let sequence = 0
const next = (): number => {
  sequence += 1
  return sequence
}

/** Two tenants no other case uses. */
export function uniqueTenants(): { a: string; b: string } {
  const n = next()
  return { a: `city-${n}-a`, b: `city-${n}-b` }
}

/** A name no other case uses (emails, division codes, ids of platform items). */
export function uniqueSuffix(): string {
  return String(next()).padStart(6, '0')
}

export const at = '2026-11-23T08:00:00.000Z'
const start = Date.parse(at)

/** An audit entry, each later than the one before, with ids that sort in the same order. */
export function auditOf(
  entry: Pick<AuditEntry, 'action' | 'entityType' | 'entityId'> & Partial<AuditEntry>,
): AuditEntry {
  const n = next()
  return {
    auditId: `audit-${String(n).padStart(6, '0')}`,
    at: new Date(start + n * 1000).toISOString(),
    actorId: 'u-admin',
    actorRole: 'admin',
    ...entry,
  }
}

/** Asserts the entry is in the tenant's trail, its evaluation's (when it has one) and its entity's. */
export async function expectAudited(options: {
  audit: AuditLog
  tenantId: string
  entry: AuditEntry
}): Promise<void> {
  const { audit, tenantId, entry } = options
  expect(await audit.listAudit({ tenantId })).toContainEqual(entry)
  if (entry.evaluationId) {
    expect(await audit.listAudit({ tenantId, evaluationId: entry.evaluationId })).toContainEqual(entry)
  }
  const entity = { entityType: entry.entityType, entityId: entry.entityId }
  expect(await audit.listAudit({ tenantId, entity })).toContainEqual(entry)
}

/** Asserts the tenant's trail does not hold an entry with this id (a refused write left none). */
export async function expectNotAudited(options: {
  audit: AuditLog
  tenantId: string
  entry: AuditEntry
}): Promise<void> {
  const trail = await options.audit.listAudit({ tenantId: options.tenantId })
  expect(trail.map((entry) => entry.auditId)).not.toContain(options.entry.auditId)
}

/** A score entry of one unit. */
export function scoreOf(options: {
  unitId: string
  key?: string
  value: number | null
  version?: number
}): ScoreEntry {
  return {
    unitId: options.unitId,
    kind: 'score',
    key: options.key ?? 'info',
    value: options.value,
    version: options.version ?? 1,
    updatedAt: at,
    updatedBy: 'u-eval',
  }
}

/** Unit ids `u000`, `u001` … in the order their keys sort. */
export function unitIdsOf(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `u${String(i).padStart(3, '0')}`)
}

/** The record of a score import into evaluation `zz-2016`, and its audit entry. */
export function importRecordOf(importId: string, entryCount: number): ScoreImportRecord {
  return { importId, fileName: 'scores.xlsx', entryCount, importedAt: at, importedBy: 'u-eval' }
}
export function importAuditOf(importId: string): AuditEntry {
  return auditOf({
    action: 'score.import',
    entityType: 'import',
    entityId: importId,
    evaluationId: 'zz-2016',
  })
}

/** A group's published results with one ranked unit, valid against PublishedGroupSchema. */
export function publishedGroupOf(options: { groupId: string; total?: number }): PublishedGroup {
  const total = options.total ?? 89.41
  return {
    groupId: options.groupId,
    groupName: '县（市、区）',
    schemeId: 'zz',
    schemeVersion: 1,
    decimals: 2,
    indicators: [{ id: 'info', label: '信息公开', max: 30 }],
    rows: [
      {
        unitId: 'xinmi',
        unitName: '新密市',
        rank: 1,
        isTied: false,
        total,
        displayTotal: total.toFixed(2),
        grade: '优秀',
        isVetoed: false,
        previousRank: null,
        movement: null,
        values: { info: { value: 26.14, display: '26.14', rule: '评分' } },
      },
    ],
    statistics: { count: 1, mean: total, median: total, gradeCounts: { 优秀: 1 } },
    explanations: {
      xinmi: {
        unitId: 'xinmi',
        unitName: '新密市',
        total,
        displayTotal: total.toFixed(2),
        lines: [
          {
            indicatorId: 'info',
            label: '信息公开',
            depth: 1,
            inputs: '评分 26.14',
            rule: '评分',
            points: '26.14',
            exactPoints: 26.14,
          },
        ],
        notes: [],
      },
    },
  }
}
