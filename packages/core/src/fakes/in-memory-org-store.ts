import type { Unit } from '../org/unit'
import type { UnitGroup } from '../org/unit-group'
import type { OrgStore } from '../ports/org-store'

/** The in-memory OrgStore for unit tests; tenants kept apart as in the real one. */
export class InMemoryOrgStore implements OrgStore {
  readonly #groups = new Map<string, UnitGroup>()
  readonly #units = new Map<string, Unit>()

  async putGroup({ tenantId, group }: { tenantId: string; group: UnitGroup }): Promise<void> {
    this.#groups.set(`${tenantId}/${group.groupId}`, structuredClone(group))
  }

  async getGroup({
    tenantId,
    groupId,
  }: {
    tenantId: string
    groupId: string
  }): Promise<UnitGroup | undefined> {
    return structuredClone(this.#groups.get(`${tenantId}/${groupId}`))
  }

  async listGroups({ tenantId }: { tenantId: string }): Promise<UnitGroup[]> {
    return [...this.#groups]
      .filter(([key]) => key.startsWith(`${tenantId}/`))
      .map(([, group]) => structuredClone(group))
  }

  async putUnits({ tenantId, units }: { tenantId: string; units: Unit[] }): Promise<void> {
    for (const unit of units) this.#units.set(`${tenantId}/${unit.unitId}`, structuredClone(unit))
  }

  async getUnit({ tenantId, unitId }: { tenantId: string; unitId: string }): Promise<Unit | undefined> {
    return structuredClone(this.#units.get(`${tenantId}/${unitId}`))
  }

  async listUnits({
    tenantId,
    groupId,
  }: {
    tenantId: string
    groupId?: string | undefined
  }): Promise<Unit[]> {
    return [...this.#units]
      .filter(([key, unit]) => key.startsWith(`${tenantId}/`) && (!groupId || unit.groupId === groupId))
      .map(([, unit]) => structuredClone(unit))
  }
}
