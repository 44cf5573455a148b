import type { AuthContext } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { testDeps } from '../../test/test-deps'
import { getCaller } from './get-caller'
import { signUpTenant } from './sign-up-tenant'

async function withTenant() {
  const deps = testDeps()
  const { tenant, admin } = await signUpTenant({
    deps,
    tenant: { tenantId: 'zhengzhou', name: '郑州市', divisionCode: '410100', tier: '省会' },
    admin: { email: 'admin@zhengzhou.gov.cn', displayName: '王主任', password: 'CityAdmin2026' },
  })
  return { deps, tenant, admin }
}

describe('getCaller', () => {
  it('gives a tenant user its profile and tenant', async () => {
    // Prepare
    const { deps, tenant, admin } = await withTenant()
    const caller: AuthContext = {
      userId: admin.userId,
      email: admin.email,
      role: 'admin',
      tenantId: 'zhengzhou',
      unitId: undefined,
    }
    // Act
    const result = await getCaller({ deps, caller })
    // Assess
    expect(result).toEqual({ caller, user: admin, tenant })
  })

  it('gives the platform operator neither a user nor a tenant', async () => {
    // Prepare
    const { deps } = await withTenant()
    const caller: AuthContext = {
      userId: 'operator',
      email: 'operator@pingce.cn',
      role: 'platform-operator',
      tenantId: undefined,
      unitId: undefined,
    }
    // Act
    const result = await getCaller({ deps, caller })
    // Assess
    expect(result).toEqual({ caller })
    expect(result).not.toHaveProperty('user')
    expect(result).not.toHaveProperty('tenant')
  })

  it("does not find a user id of one tenant under another tenant's caller", async () => {
    // Prepare
    const { deps, admin } = await withTenant()
    const caller: AuthContext = {
      userId: admin.userId,
      email: admin.email,
      role: 'admin',
      tenantId: 'kaifeng',
      unitId: undefined,
    }
    // Act
    const result = await getCaller({ deps, caller })
    // Assess
    expect(result).toEqual({ caller })
  })
})
