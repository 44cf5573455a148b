import { ConflictError, UnauthorizedError, type UserStore, ValidationError } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { testDeps } from '../../test/test-deps'
import { signIn } from './sign-in'
import { signUpTenant } from './sign-up-tenant'

const zhengzhou = { tenantId: 'zhengzhou', name: '郑州市', divisionCode: '410100', tier: '省会' } as const
const kaifeng = { tenantId: 'kaifeng', name: '开封市', divisionCode: '410200', tier: '地市' } as const
const zhengzhouAdmin = { email: 'admin@zhengzhou.gov.cn', displayName: '王主任', password: 'CityAdmin2026' }
const kaifengAdmin = { email: 'admin@kaifeng.gov.cn', displayName: '李主任', password: 'Kaifeng20201' }

async function withZhengzhou() {
  const deps = testDeps()
  await signUpTenant({ deps, tenant: zhengzhou, admin: zhengzhouAdmin })
  return deps
}

describe('signUpTenant', () => {
  it('creates the tenant, its admin and a token for the admin, and audits the sign-up', async () => {
    // Prepare
    const deps = testDeps()
    // Act
    const { tenant, admin, token } = await signUpTenant({ deps, tenant: zhengzhou, admin: zhengzhouAdmin })
    // Assess
    expect(tenant).toEqual({
      ...zhengzhou,
      divisionCodeStatus: 'pending',
      createdAt: '2026-11-23T08:00:00.000Z',
    })
    expect(await deps.tenants.getTenant({ tenantId: 'zhengzhou' })).toEqual(tenant)
    expect(admin).toEqual({
      userId: 'u0001',
      email: 'admin@zhengzhou.gov.cn',
      displayName: '王主任',
      role: 'admin',
      createdAt: '2026-11-23T08:00:00.000Z',
      createdBy: 'u0001',
      isActive: true,
    })
    expect(await deps.stores.users.listUsers({ tenantId: 'zhengzhou' })).toEqual([admin])
    expect(await deps.identity.verify({ token: token.accessToken, authorizerClaims: undefined })).toEqual({
      userId: 'u0001',
      email: 'admin@zhengzhou.gov.cn',
      role: 'admin',
      tenantId: 'zhengzhou',
      unitId: undefined,
    })
    const entries = await deps.audit.listAudit({
      tenantId: 'zhengzhou',
      entity: { entityType: 'user', entityId: 'u0001' },
    })
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'tenant.sign-up',
        actorId: 'u0001',
        actorRole: 'admin',
        after: { tenant, admin },
      }),
    ])
    expect(JSON.stringify(entries)).not.toContain(zhengzhouAdmin.password)
  })

  it('signs up a second city with the same division code while the code is pending, pending too', async () => {
    // Prepare
    const deps = await withZhengzhou()
    // Act
    const { tenant } = await signUpTenant({
      deps,
      tenant: { ...kaifeng, divisionCode: zhengzhou.divisionCode },
      admin: kaifengAdmin,
    })
    // Assess
    expect(tenant).toMatchObject({
      tenantId: 'kaifeng',
      divisionCode: '410100',
      divisionCodeStatus: 'pending',
    })
    expect((await deps.tenants.listTenants()).map((t) => [t.tenantId, t.divisionCodeStatus])).toEqual([
      ['kaifeng', 'pending'],
      ['zhengzhou', 'pending'],
    ])
  })

  it('refuses a division code the operator confirmed with a ConflictError and leaves nothing behind', async () => {
    // Prepare
    const deps = await withZhengzhou()
    await deps.tenants.confirmDivisionCode({ tenantId: 'zhengzhou' })
    // Act
    const error = await signUpTenant({
      deps,
      tenant: { ...kaifeng, divisionCode: zhengzhou.divisionCode },
      admin: kaifengAdmin,
    }).catch((caught: unknown) => caught)
    // Assess
    expect(error).toBeInstanceOf(ConflictError)
    expect(error).toMatchObject({ issues: [{ path: 'divisionCode' }] })
    expect(await deps.tenants.getTenant({ tenantId: 'kaifeng' })).toBeUndefined()
    expect(await deps.stores.users.listUsers({ tenantId: 'kaifeng' })).toEqual([])
    await expect(signUpTenant({ deps, tenant: kaifeng, admin: kaifengAdmin })).resolves.toMatchObject({
      tenant: { tenantId: 'kaifeng' },
    })
  })

  it('refuses a taken email with a ConflictError, undoing the tenant so its id can sign up again', async () => {
    // Prepare
    const deps = await withZhengzhou()
    // Act
    const error = await signUpTenant({
      deps,
      tenant: kaifeng,
      admin: { ...kaifengAdmin, email: zhengzhouAdmin.email },
    }).catch((caught: unknown) => caught)
    // Assess
    expect(error).toBeInstanceOf(ConflictError)
    expect(error).toMatchObject({ issues: [{ path: 'email' }] })
    expect((await deps.tenants.listTenants()).map((tenant) => tenant.tenantId)).toEqual(['zhengzhou'])
    expect(await deps.stores.users.listUsers({ tenantId: 'kaifeng' })).toEqual([])
    await expect(
      signIn({ deps, input: { email: zhengzhouAdmin.email, password: zhengzhouAdmin.password } }),
    ).resolves.toMatchObject({ tokenType: 'Bearer' })
    await expect(signUpTenant({ deps, tenant: kaifeng, admin: kaifengAdmin })).resolves.toMatchObject({
      tenant: { tenantId: 'kaifeng' },
    })
  })

  it('refuses a taken tenant id with a ConflictError and leaves the existing tenant as it was', async () => {
    // Prepare
    const deps = await withZhengzhou()
    const before = await deps.tenants.getTenant({ tenantId: 'zhengzhou' })
    // Act
    const error = await signUpTenant({
      deps,
      tenant: { ...kaifeng, tenantId: 'zhengzhou' },
      admin: kaifengAdmin,
    }).catch((caught: unknown) => caught)
    // Assess
    expect(error).toBeInstanceOf(ConflictError)
    expect(error).toMatchObject({ issues: [{ path: 'tenantId' }] })
    expect(await deps.tenants.getTenant({ tenantId: 'zhengzhou' })).toEqual(before)
    await expect(
      signIn({ deps, input: { email: kaifengAdmin.email, password: kaifengAdmin.password } }),
    ).rejects.toThrow(UnauthorizedError)
  })

  it('refuses a reserved tenant id with a ValidationError naming tenantId, without a route in front', async () => {
    // Prepare
    const deps = testDeps()
    // Act
    const error = await signUpTenant({
      deps,
      tenant: { ...kaifeng, tenantId: 'platform' },
      admin: kaifengAdmin,
    }).catch((caught: unknown) => caught)
    // Assess
    expect(error).toBeInstanceOf(ValidationError)
    expect(error).toMatchObject({ status: 400, issues: [{ path: 'tenantId' }] })
    expect(await deps.tenants.listTenants()).toEqual([])
  })

  it('undoes the identity and the tenant when the profile cannot be written, rethrowing the error', async () => {
    // Prepare
    const deps = testDeps()
    const failingUsers: UserStore = {
      putUser: async () => {
        throw new Error('user table unavailable')
      },
      getUser: (options) => deps.stores.users.getUser(options),
      listUsers: (options) => deps.stores.users.listUsers(options),
    }
    // Act
    const attempt = signUpTenant({
      deps: { ...deps, users: failingUsers },
      tenant: kaifeng,
      admin: kaifengAdmin,
    })
    // Assess
    await expect(attempt).rejects.toThrow('user table unavailable')
    expect(await deps.tenants.listTenants()).toEqual([])
    await expect(
      signIn({ deps, input: { email: kaifengAdmin.email, password: kaifengAdmin.password } }),
    ).rejects.toThrow(UnauthorizedError)
    expect(await deps.audit.listAudit({ tenantId: 'kaifeng' })).toEqual([])
    await expect(signUpTenant({ deps, tenant: kaifeng, admin: kaifengAdmin })).resolves.toMatchObject({
      admin: { email: kaifengAdmin.email },
    })
  })

  it('leaves no profile behind when signing the new admin in fails at the last step', async () => {
    // Prepare
    const deps = testDeps()
    const real = deps.identity
    const identity: typeof real = Object.assign(Object.create(real) as typeof real, {
      createIdentity: real.createIdentity.bind(real),
      deleteIdentity: real.deleteIdentity.bind(real),
      signIn: async () => {
        throw new Error('token service down')
      },
    })
    // Act
    const attempt = signUpTenant({ deps: { ...deps, identity }, tenant: kaifeng, admin: kaifengAdmin })
    // Assess
    await expect(attempt).rejects.toThrow('token service down')
    expect(await deps.users.listUsers({ tenantId: 'kaifeng' })).toEqual([])
    expect(await deps.tenants.getTenant({ tenantId: 'kaifeng' })).toBeUndefined()
    expect(await deps.audit.listAudit({ tenantId: 'kaifeng' })).toEqual([])
  })
})
