import { type AuthContext, ForbiddenError, type Role } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { operator, withCities } from '../../test/platform-fixture'
import { listTenants } from './list-tenants'

const withTenants = () => withCities('zhengzhou', 'kaifeng')

describe('listTenants', () => {
  it('lists every tenant for the platform operator, with the status of its division code', async () => {
    // Prepare
    const deps = await withTenants()
    // Act
    const tenants = await listTenants({ deps, caller: operator })
    // Assess
    expect(tenants).toEqual([
      {
        tenantId: 'kaifeng',
        name: '开封市',
        divisionCode: '410200',
        divisionCodeStatus: 'pending',
        tier: '地市',
        createdAt: '2026-11-23T08:00:00.000Z',
      },
      {
        tenantId: 'zhengzhou',
        name: '郑州市',
        divisionCode: '410100',
        divisionCodeStatus: 'pending',
        tier: '省会',
        createdAt: '2026-11-23T08:00:00.000Z',
      },
    ])
  })

  it.each<Role>(['admin', 'supervisor', 'evaluator', 'unit'])('refuses a tenant %s', async (role) => {
    // Prepare
    const deps = await withTenants()
    const caller: AuthContext = {
      userId: 'u0001',
      email: 'admin@zhengzhou.gov.cn',
      role,
      tenantId: 'zhengzhou',
      unitId: undefined,
    }
    // Act
    const attempt = listTenants({ deps, caller })
    // Assess
    await expect(attempt).rejects.toThrow(ForbiddenError)
  })
})
