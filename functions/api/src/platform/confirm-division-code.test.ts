import { type AuthContext, ConflictError, ForbiddenError, NotFoundError, type Role } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { operator, withCities } from '../../test/platform-fixture'
import { confirmDivisionCode } from './confirm-division-code'

const withTwoClaims = () => withCities('zhengzhou', 'zz-copy')

describe('confirmDivisionCode', () => {
  it("makes a pending code the tenant's own and audits the decision in the tenant's trail", async () => {
    // Prepare
    const deps = await withTwoClaims()
    // Act
    const confirmed = await confirmDivisionCode({
      deps,
      caller: operator,
      input: { tenantId: 'zhengzhou', reason: '已电话核实' },
    })
    // Assess
    expect(confirmed).toMatchObject({
      tenantId: 'zhengzhou',
      divisionCode: '410100',
      divisionCodeStatus: 'confirmed',
    })
    expect(await deps.tenants.getTenant({ tenantId: 'zhengzhou' })).toEqual(confirmed)
    expect(
      await deps.audit.listAudit({
        tenantId: 'zhengzhou',
        entity: { entityType: 'tenant', entityId: 'zhengzhou' },
      }),
    ).toEqual([
      expect.objectContaining({
        action: 'tenant.division-code.confirm',
        actorId: 'operator',
        actorRole: 'platform-operator',
        before: { divisionCode: '410100', divisionCodeStatus: 'pending' },
        after: { divisionCode: '410100', divisionCodeStatus: 'confirmed' },
        reason: '已电话核实',
      }),
    ])
    expect(await deps.audit.listAudit({ tenantId: 'zz-copy' })).not.toContainEqual(
      expect.objectContaining({ entityType: 'tenant' }),
    )
  })

  it('refuses to confirm the code for a second tenant with a ConflictError naming divisionCode', async () => {
    // Prepare
    const deps = await withTwoClaims()
    await confirmDivisionCode({ deps, caller: operator, input: { tenantId: 'zhengzhou' } })
    // Act
    const error = await confirmDivisionCode({ deps, caller: operator, input: { tenantId: 'zz-copy' } }).catch(
      (caught: unknown) => caught,
    )
    // Assess
    expect(error).toBeInstanceOf(ConflictError)
    expect(error).toMatchObject({ status: 409, issues: [{ path: 'divisionCode' }] })
    expect(await deps.tenants.getTenant({ tenantId: 'zz-copy' })).toMatchObject({
      divisionCodeStatus: 'pending',
    })
  })

  it('changes nothing, and audits nothing more, when the code is confirmed already', async () => {
    const deps = await withTwoClaims()
    const first = await confirmDivisionCode({ deps, caller: operator, input: { tenantId: 'zhengzhou' } })
    const again = await confirmDivisionCode({ deps, caller: operator, input: { tenantId: 'zhengzhou' } })
    expect(again).toEqual(first)
    const entries = await deps.audit.listAudit({
      tenantId: 'zhengzhou',
      entity: { entityType: 'tenant', entityId: 'zhengzhou' },
    })
    expect(entries).toHaveLength(1)
  })

  it('answers an unknown tenant with NotFoundError', async () => {
    const deps = await withTwoClaims()
    await expect(
      confirmDivisionCode({ deps, caller: operator, input: { tenantId: 'nowhere' } }),
    ).rejects.toThrow(NotFoundError)
  })

  it.each<Role>(['admin', 'evaluator', 'supervisor', 'unit'])('refuses a tenant %s', async (role) => {
    // Prepare
    const deps = await withTwoClaims()
    const caller: AuthContext = {
      ...operator,
      role,
      tenantId: 'zhengzhou',
      unitId: role === 'unit' ? 'u1' : undefined,
    }
    // Act
    const attempt = confirmDivisionCode({ deps, caller, input: { tenantId: 'zhengzhou' } })
    // Assess
    await expect(attempt).rejects.toThrow(ForbiddenError)
    expect(await deps.tenants.getTenant({ tenantId: 'zhengzhou' })).toMatchObject({
      divisionCodeStatus: 'pending',
    })
  })
})
