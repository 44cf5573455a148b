import { describe, expect, it } from 'vitest'
import { ConflictError } from '../errors'
import { InMemoryTenantDirectory } from './in-memory-tenant-directory'

const zhengzhou = {
  tenantId: 'zhengzhou',
  name: '郑州市',
  divisionCode: '410100',
  tier: '省会' as const,
  createdAt: '2026-11-23T08:00:00.000Z',
}

describe('InMemoryTenantDirectory', () => {
  it('stores and lists tenants, each division code pending', async () => {
    const directory = new InMemoryTenantDirectory()
    await directory.createTenant({ tenant: zhengzhou })
    const pending = { ...zhengzhou, divisionCodeStatus: 'pending' }
    expect(await directory.getTenant({ tenantId: 'zhengzhou' })).toEqual(pending)
    expect(await directory.listTenants()).toEqual([pending])
  })

  it('refuses a taken id, or a division code confirmed for another tenant, naming the field', async () => {
    const directory = new InMemoryTenantDirectory()
    await directory.createTenant({ tenant: zhengzhou })
    await expect(directory.createTenant({ tenant: zhengzhou })).rejects.toMatchObject({
      issues: [{ path: 'tenantId' }],
    })
    await directory.confirmDivisionCode({ tenantId: 'zhengzhou' })
    const error = await directory
      .createTenant({ tenant: { ...zhengzhou, tenantId: 'zz2' } })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ConflictError)
    expect((error as ConflictError).issues[0]?.path).toBe('divisionCode')
  })
})
