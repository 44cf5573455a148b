import { ConflictError, type Tenant, type TenantDirectory } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { at, uniqueSuffix, uniqueTenants } from './contract-fixtures'

export interface TenantDirectorySubject {
  tenants: TenantDirectory
}

const tenantOf = (tenantId: string, divisionCode = uniqueSuffix()): Tenant => ({
  tenantId,
  name: `城市 ${tenantId}`,
  divisionCode,
  tier: '地市',
  createdAt: at,
})

/**
 * The TenantDirectory contract. The register is platform data, shared by every case on one table,
 * so each case registers its own ids and division codes and looks at those only.
 */
export function describeTenantDirectoryContract(
  name: string,
  make: () => Promise<TenantDirectorySubject>,
): void {
  describe(`${name}: TenantDirectory contract`, () => {
    it('registers a tenant and reads it back', async () => {
      // Prepare
      const { tenants } = await make()
      const tenant = tenantOf(uniqueTenants().a)
      // Act
      const registered = await tenants.createTenant({ tenant })
      // Assess
      expect(registered).toEqual(tenant)
      expect(await tenants.getTenant({ tenantId: tenant.tenantId })).toEqual(tenant)
      expect(await tenants.getTenant({ tenantId: uniqueTenants().a })).toBeUndefined()
    })

    it('refuses a taken id or division code, naming the field, and registers nothing of the second', async () => {
      // Prepare
      const { tenants } = await make()
      const { a, b } = uniqueTenants()
      const first = tenantOf(a)
      await tenants.createTenant({ tenant: first })
      // Act
      const sameId = await tenants
        .createTenant({ tenant: { ...tenantOf(a), name: '另一个城市' } })
        .catch((caught: unknown) => caught)
      const sameCode = await tenants
        .createTenant({ tenant: tenantOf(b, first.divisionCode) })
        .catch((caught: unknown) => caught)
      // Assess
      expect(sameId).toBeInstanceOf(ConflictError)
      expect((sameId as ConflictError).issues[0]?.path).toBe('tenantId')
      expect(sameCode).toBeInstanceOf(ConflictError)
      expect((sameCode as ConflictError).issues[0]?.path).toBe('divisionCode')
      expect(await tenants.getTenant({ tenantId: a })).toEqual(first)
      expect(await tenants.getTenant({ tenantId: b })).toBeUndefined()
    })

    it('lists tenants in id order', async () => {
      // Prepare
      const { tenants } = await make()
      const suffix = uniqueSuffix()
      const ids = [`zz-${suffix}`, `a0-${suffix}`, `a-${suffix}`, `ab-${suffix}`]
      for (const tenantId of ids) await tenants.createTenant({ tenant: tenantOf(tenantId) })
      // Act
      const listed = await tenants.listTenants()
      // Assess
      const mine = listed.filter((tenant) => ids.includes(tenant.tenantId)).map((tenant) => tenant.tenantId)
      expect(mine).toEqual([`a-${suffix}`, `a0-${suffix}`, `ab-${suffix}`, `zz-${suffix}`])
    })

    it('frees the id and the division code on delete; deleting an unknown tenant does nothing', async () => {
      // Prepare
      const { tenants } = await make()
      const { a, b } = uniqueTenants()
      const first = tenantOf(a)
      await tenants.createTenant({ tenant: first })
      // Act
      await tenants.deleteTenant({ tenantId: a })
      await tenants.deleteTenant({ tenantId: uniqueTenants().a })
      // Assess
      expect(await tenants.getTenant({ tenantId: a })).toBeUndefined()
      expect((await tenants.listTenants()).map((tenant) => tenant.tenantId)).not.toContain(a)
      const reused = tenantOf(b, first.divisionCode)
      expect(await tenants.createTenant({ tenant: reused })).toEqual(reused)
      expect(await tenants.createTenant({ tenant: tenantOf(a) })).toMatchObject({ tenantId: a })
    })
  })
}
