import type { NewTenant, Tenant } from '../tenants/tenant'

/** The platform's register of tenants (cities). Platform-level data: not inside any tenant. */
export interface TenantDirectory {
  /**
   * Registers a tenant with its division code `pending`: several tenants may claim one code until the
   * operator confirms it for one of them. Fails with ConflictError naming `tenantId` when the id is
   * taken, or `divisionCode` when the code is confirmed for another tenant.
   */
  createTenant(options: { tenant: NewTenant }): Promise<Tenant>
  getTenant(options: { tenantId: string }): Promise<Tenant | undefined>
  listTenants(): Promise<Tenant[]>
  /**
   * The operator confirms the tenant's claim: the code becomes exclusive (its claim and the status
   * `confirmed` in one transaction). Fails with ConflictError naming `divisionCode` when the code is
   * confirmed for another tenant, NotFoundError for an unknown tenant. Confirming again changes nothing.
   */
  confirmDivisionCode(options: { tenantId: string }): Promise<Tenant>
  /**
   * The operator rejects the tenant's claim (status `rejected`); a code confirmed for it is freed in
   * the same transaction. NotFoundError for an unknown tenant.
   */
  rejectDivisionCode(options: { tenantId: string }): Promise<Tenant>
  /** Frees the id, and the division code if confirmed for it: the undo of a sign-up that failed half-way. */
  deleteTenant(options: { tenantId: string }): Promise<void>
}
