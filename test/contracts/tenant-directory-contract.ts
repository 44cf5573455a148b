import { ConflictError, type NewTenant, NotFoundError, type TenantDirectory } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { at, uniqueSuffix, uniqueTenants } from './contract-fixtures'

export interface TenantDirectorySubject {
  tenants: TenantDirectory
}

const tenantOf = (tenantId: string, divisionCode = uniqueSuffix()): NewTenant => ({
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
    it('registers a tenant with its division code pending and reads it back', async () => {
      // Prepare
      const { tenants } = await make()
      const tenant = tenantOf(uniqueTenants().a)
      // Act
      const registered = await tenants.createTenant({ tenant })
      // Assess
      expect(registered).toEqual({ ...tenant, divisionCodeStatus: 'pending' })
      expect(await tenants.getTenant({ tenantId: tenant.tenantId })).toEqual(registered)
      expect(await tenants.getTenant({ tenantId: uniqueTenants().a })).toBeUndefined()
    })

    it('refuses a taken id naming tenantId, and registers nothing of the second', async () => {
      // Prepare
      const { tenants } = await make()
      const { a } = uniqueTenants()
      const first = await tenants.createTenant({ tenant: tenantOf(a) })
      // Act
      const sameId = await tenants
        .createTenant({ tenant: { ...tenantOf(a), name: '另一个城市' } })
        .catch((caught: unknown) => caught)
      // Assess
      expect(sameId).toBeInstanceOf(ConflictError)
      expect((sameId as ConflictError).issues[0]?.path).toBe('tenantId')
      expect(await tenants.getTenant({ tenantId: a })).toEqual(first)
    })

    it('lets several tenants claim one code while pending; once confirmed, refuses it to sign-ups and to others', async () => {
      // Prepare
      const { tenants } = await make()
      const { a, b } = uniqueTenants()
      const c = `${a}-c`
      const code = uniqueSuffix()
      await tenants.createTenant({ tenant: tenantOf(a, code) })
      await tenants.createTenant({ tenant: tenantOf(b, code) })
      // Act
      const confirmed = await tenants.confirmDivisionCode({ tenantId: a })
      const again = await tenants.confirmDivisionCode({ tenantId: a })
      const forB = await tenants.confirmDivisionCode({ tenantId: b }).catch((caught: unknown) => caught)
      const signUpC = await tenants
        .createTenant({ tenant: tenantOf(c, code) })
        .catch((caught: unknown) => caught)
      // Assess
      expect(confirmed).toMatchObject({ tenantId: a, divisionCode: code, divisionCodeStatus: 'confirmed' })
      expect(again).toEqual(confirmed)
      expect(await tenants.getTenant({ tenantId: a })).toEqual(confirmed)
      for (const refused of [forB, signUpC]) {
        expect(refused).toBeInstanceOf(ConflictError)
        expect((refused as ConflictError).issues[0]?.path).toBe('divisionCode')
      }
      expect(await tenants.getTenant({ tenantId: b })).toMatchObject({ divisionCodeStatus: 'pending' })
      expect(await tenants.getTenant({ tenantId: c })).toBeUndefined()
    })

    it('confirms one code for exactly one of two tenants confirmed at the same moment', async () => {
      // Prepare
      const { tenants } = await make()
      const { a, b } = uniqueTenants()
      const code = uniqueSuffix()
      await tenants.createTenant({ tenant: tenantOf(a, code) })
      await tenants.createTenant({ tenant: tenantOf(b, code) })
      // Act
      const outcomes = await Promise.allSettled([
        tenants.confirmDivisionCode({ tenantId: a }),
        tenants.confirmDivisionCode({ tenantId: b }),
      ])
      // Assess
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1)
      const statuses = [
        (await tenants.getTenant({ tenantId: a }))?.divisionCodeStatus,
        (await tenants.getTenant({ tenantId: b }))?.divisionCodeStatus,
      ]
      expect(statuses.sort()).toEqual(['confirmed', 'pending'])
    })

    it('rejects a claim, freeing a code confirmed for the tenant; unknown tenants are NotFoundError', async () => {
      // Prepare
      const { tenants } = await make()
      const { a, b } = uniqueTenants()
      const code = uniqueSuffix()
      await tenants.createTenant({ tenant: tenantOf(a, code) })
      await tenants.createTenant({ tenant: tenantOf(b, code) })
      await tenants.confirmDivisionCode({ tenantId: a })
      // Act
      const rejected = await tenants.rejectDivisionCode({ tenantId: a })
      const rejectedPending = await tenants.rejectDivisionCode({ tenantId: b })
      // Assess
      expect(rejected).toMatchObject({ tenantId: a, divisionCodeStatus: 'rejected' })
      expect(await tenants.getTenant({ tenantId: a })).toEqual(rejected)
      expect(rejectedPending).toMatchObject({ tenantId: b, divisionCodeStatus: 'rejected' })
      expect(await tenants.confirmDivisionCode({ tenantId: b })).toMatchObject({
        divisionCodeStatus: 'confirmed',
      })
      const unknown = uniqueTenants().a
      await expect(tenants.confirmDivisionCode({ tenantId: unknown })).rejects.toBeInstanceOf(NotFoundError)
      await expect(tenants.rejectDivisionCode({ tenantId: unknown })).rejects.toBeInstanceOf(NotFoundError)
      expect(await tenants.getTenant({ tenantId: unknown })).toBeUndefined()
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

    it('frees the id and a confirmed division code on delete; deleting an unknown tenant does nothing', async () => {
      // Prepare
      const { tenants } = await make()
      const { a, b } = uniqueTenants()
      const first = tenantOf(a)
      await tenants.createTenant({ tenant: first })
      await tenants.confirmDivisionCode({ tenantId: a })
      const pending = tenantOf(`${b}-p`)
      await tenants.createTenant({ tenant: pending })
      // Act
      await tenants.deleteTenant({ tenantId: a })
      await tenants.deleteTenant({ tenantId: pending.tenantId })
      await tenants.deleteTenant({ tenantId: uniqueTenants().a })
      // Assess
      expect(await tenants.getTenant({ tenantId: a })).toBeUndefined()
      expect(await tenants.getTenant({ tenantId: pending.tenantId })).toBeUndefined()
      expect((await tenants.listTenants()).map((tenant) => tenant.tenantId)).not.toContain(a)
      const reused = tenantOf(b, first.divisionCode)
      expect(await tenants.createTenant({ tenant: reused })).toEqual({
        ...reused,
        divisionCodeStatus: 'pending',
      })
      expect(await tenants.confirmDivisionCode({ tenantId: b })).toMatchObject({
        divisionCodeStatus: 'confirmed',
      })
      expect(await tenants.createTenant({ tenant: tenantOf(a) })).toMatchObject({ tenantId: a })
    })
  })
}
