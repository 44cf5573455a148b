import type { Unit } from '../org/unit'
import type { UnitGroup } from '../org/unit-group'

/** Unit groups and units of a tenant. */
export interface OrgStore {
  /** Creates or replaces a group. */
  putGroup(options: { tenantId: string; group: UnitGroup }): Promise<void>
  getGroup(options: { tenantId: string; groupId: string }): Promise<UnitGroup | undefined>
  listGroups(options: { tenantId: string }): Promise<UnitGroup[]>
  /** Creates or replaces units; all or nothing. */
  putUnits(options: { tenantId: string; units: Unit[] }): Promise<void>
  getUnit(options: { tenantId: string; unitId: string }): Promise<Unit | undefined>
  /** All units of the tenant, or of one group. */
  listUnits(options: { tenantId: string; groupId?: string | undefined }): Promise<Unit[]>
}
