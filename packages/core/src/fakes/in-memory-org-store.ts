import type { AuditEntry } from '../audit/audit-entry'
import { type Unit, UnitSchema } from '../org/unit'
import { type UnitGroup, UnitGroupSchema } from '../org/unit-group'
import { maxUnitsPerWrite, type OrgStore } from '../ports/org-store'
import { InMemoryAuditLog } from './in-memory-audit-log'

/** The in-memory OrgStore for unit tests; tenants kept apart as in the real one. */
export class InMemoryOrgStore implements OrgStore {
  readonly #groups = new Map<string, UnitGroup>()
  readonly #units = new Map<string, Unit>()
  readonly #audit: InMemoryAuditLog

  constructor(options: { audit?: InMemoryAuditLog } = {}) {
    this.#audit = options.audit ?? new InMemoryAuditLog()
  }

  async putGroup(options: { tenantId: string; group: UnitGroup; audit: AuditEntry }): Promise<void> {
    const group = UnitGroupSchema.parse(options.group)
    this.#groups.set(`${options.tenantId}/${group.groupId}`, structuredClone(group))
    this.#audit.record(options)
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
      .sort((a, b) => a.sortOrder - b.sortOrder || a.groupId.localeCompare(b.groupId))
  }

  async putUnits(options: { tenantId: string; units: Unit[]; audit: AuditEntry[] }): Promise<void> {
    const { tenantId } = options
    if (options.units.length > maxUnitsPerWrite || options.audit.length !== options.units.length) {
      throw new Error(`write at most ${maxUnitsPerWrite} units, each with its audit entry`)
    }
    const units = options.units.map((unit) => UnitSchema.parse(unit))
    for (const unit of units) this.#units.set(`${tenantId}/${unit.unitId}`, structuredClone(unit))
    for (const audit of options.audit) this.#audit.record({ tenantId, audit })
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
      .sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0))
  }
}
