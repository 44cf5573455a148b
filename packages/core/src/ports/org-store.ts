import type { AuditEntry } from '../audit/audit-entry'
import type { Unit } from '../org/unit'
import type { UnitGroup } from '../org/unit-group'

/** At most this many units (each with its audit entry) are written in one call. */
export const maxUnitsPerWrite = 50

/** Unit groups and units of a tenant. */
export interface OrgStore {
  /** Creates or replaces a group, with its audit entry. */
  putGroup(options: { tenantId: string; group: UnitGroup; audit: AuditEntry }): Promise<void>
  getGroup(options: { tenantId: string; groupId: string }): Promise<UnitGroup | undefined>
  listGroups(options: { tenantId: string }): Promise<UnitGroup[]>
  /**
   * Creates or replaces up to {@link maxUnitsPerWrite} units, all or nothing, each with its audit
   * entry (`audit[i]` records `units[i]`).
   */
  putUnits(options: { tenantId: string; units: Unit[]; audit: AuditEntry[] }): Promise<void>
  getUnit(options: { tenantId: string; unitId: string }): Promise<Unit | undefined>
  /** All units of the tenant, or of one group. */
  listUnits(options: { tenantId: string; groupId?: string | undefined }): Promise<Unit[]>
}
