import { type AuthContext, ForbiddenError, NotFoundError, type Role } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { cities, operator, withCities } from '../../test/platform-fixture'
import { signUpTenant } from '../auth/sign-up-tenant'
import { confirmDivisionCode } from './confirm-division-code'
import { rejectDivisionCode } from './reject-division-code'

const zhengzhouAdmin = cities.zhengzhou.admin

const withImpostor = () => withCities('zz-copy')

describe('rejectDivisionCode', () => {
  it("rejects a pending claim and audits the decision in the tenant's trail", async () => {
    // Prepare
    const deps = await withImpostor()
    // Act
    const rejected = await rejectDivisionCode({
      deps,
      caller: operator,
      input: { tenantId: 'zz-copy', reason: '非该行政区划的政府' },
    })
    // Assess
    expect(rejected).toMatchObject({ tenantId: 'zz-copy', divisionCodeStatus: 'rejected' })
    expect(await deps.tenants.getTenant({ tenantId: 'zz-copy' })).toEqual(rejected)
    expect(
      await deps.audit.listAudit({
        tenantId: 'zz-copy',
        entity: { entityType: 'tenant', entityId: 'zz-copy' },
      }),
    ).toEqual([
      expect.objectContaining({
        action: 'tenant.division-code.reject',
        actorRole: 'platform-operator',
        before: { divisionCode: '410100', divisionCodeStatus: 'pending' },
        after: { divisionCode: '410100', divisionCodeStatus: 'rejected' },
        reason: '非该行政区划的政府',
      }),
    ])
  })

  it('frees a code confirmed by mistake, so the city it names can sign up and be confirmed', async () => {
    // Prepare
    const deps = await withImpostor()
    await confirmDivisionCode({ deps, caller: operator, input: { tenantId: 'zz-copy' } })
    const refused = await signUpTenant({
      deps,
      tenant: { tenantId: 'zhengzhou', name: '郑州市', divisionCode: '410100', tier: '省会' },
      admin: zhengzhouAdmin,
    }).catch((caught: unknown) => caught)
    // Act
    await rejectDivisionCode({ deps, caller: operator, input: { tenantId: 'zz-copy' } })
    // Assess
    expect(refused).toMatchObject({ status: 409, issues: [{ path: 'divisionCode' }] })
    await signUpTenant({
      deps,
      tenant: { tenantId: 'zhengzhou', name: '郑州市', divisionCode: '410100', tier: '省会' },
      admin: zhengzhouAdmin,
    })
    await expect(
      confirmDivisionCode({ deps, caller: operator, input: { tenantId: 'zhengzhou' } }),
    ).resolves.toMatchObject({ divisionCodeStatus: 'confirmed' })
  })

  it('answers an unknown tenant with NotFoundError', async () => {
    const deps = await withImpostor()
    await expect(
      rejectDivisionCode({ deps, caller: operator, input: { tenantId: 'nowhere' } }),
    ).rejects.toThrow(NotFoundError)
  })

  it.each<Role>(['admin', 'evaluator', 'supervisor', 'unit'])('refuses a tenant %s', async (role) => {
    const deps = await withImpostor()
    const caller: AuthContext = {
      ...operator,
      role,
      tenantId: 'zz-copy',
      unitId: role === 'unit' ? 'u1' : undefined,
    }
    await expect(rejectDivisionCode({ deps, caller, input: { tenantId: 'zz-copy' } })).rejects.toThrow(
      ForbiddenError,
    )
    expect(await deps.tenants.getTenant({ tenantId: 'zz-copy' })).toMatchObject({
      divisionCodeStatus: 'pending',
    })
  })
})
