import { ConflictError, NotFoundError } from '../errors'
import type { TenantDirectory } from '../ports/tenant-directory'
import { type DivisionCodeStatus, type NewTenant, type Tenant, TenantSchema } from '../tenants/tenant'

/** The in-memory TenantDirectory for unit tests; same contract as the DynamoDB one. */
export class InMemoryTenantDirectory implements TenantDirectory {
  readonly #tenants = new Map<string, Tenant>()
  /** Division code → the tenant it is confirmed for. */
  readonly #claims = new Map<string, string>()

  async createTenant({ tenant }: { tenant: NewTenant }): Promise<Tenant> {
    const valid = TenantSchema.parse({ ...tenant, divisionCodeStatus: 'pending' })
    if (this.#tenants.has(valid.tenantId)) {
      throw new ConflictError({
        message: '该租户标识已被使用',
        issues: [{ path: 'tenantId', message: 'already taken' }],
      })
    }
    if (this.#claims.has(valid.divisionCode)) throw divisionCodeTaken()
    this.#tenants.set(valid.tenantId, valid)
    return { ...valid }
  }

  async getTenant({ tenantId }: { tenantId: string }): Promise<Tenant | undefined> {
    const tenant = this.#tenants.get(tenantId)
    return tenant ? { ...tenant } : undefined
  }

  async confirmDivisionCode({ tenantId }: { tenantId: string }): Promise<Tenant> {
    const tenant = this.#existing(tenantId)
    const holder = this.#claims.get(tenant.divisionCode)
    if (holder !== undefined && holder !== tenantId) throw divisionCodeTaken()
    this.#claims.set(tenant.divisionCode, tenantId)
    return this.#withStatus(tenant, 'confirmed')
  }

  async rejectDivisionCode({ tenantId }: { tenantId: string }): Promise<Tenant> {
    const tenant = this.#existing(tenantId)
    this.#freeClaimOf(tenant)
    return this.#withStatus(tenant, 'rejected')
  }

  async deleteTenant({ tenantId }: { tenantId: string }): Promise<void> {
    const tenant = this.#tenants.get(tenantId)
    if (!tenant) return
    this.#freeClaimOf(tenant)
    this.#tenants.delete(tenantId)
  }

  async listTenants(): Promise<Tenant[]> {
    return [...this.#tenants.values()]
      .sort((a, b) => a.tenantId.localeCompare(b.tenantId))
      .map((tenant) => ({ ...tenant }))
  }

  #existing(tenantId: string): Tenant {
    const tenant = this.#tenants.get(tenantId)
    if (!tenant) throw new NotFoundError({ message: '未找到该租户' })
    return tenant
  }

  /** Only this tenant's claim: never free a code confirmed for another tenant. */
  #freeClaimOf(tenant: Tenant): void {
    if (this.#claims.get(tenant.divisionCode) === tenant.tenantId) this.#claims.delete(tenant.divisionCode)
  }

  #withStatus(tenant: Tenant, divisionCodeStatus: DivisionCodeStatus): Tenant {
    const next = { ...tenant, divisionCodeStatus }
    this.#tenants.set(tenant.tenantId, next)
    return { ...next }
  }
}

function divisionCodeTaken(): ConflictError {
  return new ConflictError({
    message: '该行政区划代码已确认归属其他租户',
    issues: [{ path: 'divisionCode', message: 'confirmed for another tenant' }],
  })
}
