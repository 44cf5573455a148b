import type { Tenant } from '../tenants/tenant'

/** The platform's register of tenants (cities). Platform-level data: not inside any tenant. */
export interface TenantDirectory {
  /** Registers a tenant; fails with ConflictError when the id or division code is taken. */
  createTenant(options: { tenant: Tenant }): Promise<Tenant>
  getTenant(options: { tenantId: string }): Promise<Tenant | undefined>
  listTenants(): Promise<Tenant[]>
  /** Frees the id and the division code again: the undo of a sign-up that failed half-way. */
  deleteTenant(options: { tenantId: string }): Promise<void>
}
