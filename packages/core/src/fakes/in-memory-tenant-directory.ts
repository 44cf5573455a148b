import { ConflictError } from '../errors'
import type { TenantDirectory } from '../ports/tenant-directory'
import { type Tenant, TenantSchema } from '../tenants/tenant'

/** The in-memory TenantDirectory for unit tests; same contract as the DynamoDB one. */
export class InMemoryTenantDirectory implements TenantDirectory {
  readonly #tenants = new Map<string, Tenant>()

  async createTenant({ tenant }: { tenant: Tenant }): Promise<Tenant> {
    const valid = TenantSchema.parse(tenant)
    if (this.#tenants.has(valid.tenantId)) {
      throw new ConflictError({
        message: '该租户标识已被使用',
        issues: [{ path: 'tenantId', message: 'already taken' }],
      })
    }
    if ([...this.#tenants.values()].some((t) => t.divisionCode === valid.divisionCode)) {
      throw new ConflictError({
        message: '该行政区划代码已注册',
        issues: [{ path: 'divisionCode', message: 'already registered by another tenant' }],
      })
    }
    this.#tenants.set(valid.tenantId, valid)
    return valid
  }

  async getTenant({ tenantId }: { tenantId: string }): Promise<Tenant | undefined> {
    return this.#tenants.get(tenantId)
  }

  async deleteTenant({ tenantId }: { tenantId: string }): Promise<void> {
    this.#tenants.delete(tenantId)
  }

  async listTenants(): Promise<Tenant[]> {
    return [...this.#tenants.values()].sort((a, b) => a.tenantId.localeCompare(b.tenantId))
  }
}
