import {
  ConflictError,
  ForbiddenError,
  type TenantRole,
  UnauthorizedError,
  type UserStore,
  ValidationError,
} from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { actorOf } from '../../test/actors'
import { testDeps } from '../../test/test-deps'
import { signIn } from '../auth/sign-in'
import { putGroup } from '../org/put-group'
import { putUnit } from '../org/put-unit'
import { inviteUser } from './invite-user'

const admin = actorOf({ role: 'admin' })
const evaluator = { email: 'li@zhengzhou.gov.cn', displayName: '李评估', role: 'evaluator' } as const

describe('inviteUser', () => {
  it('creates the user, returns a generated password once, and the invitee can sign in with it', async () => {
    // Prepare
    const deps = testDeps()
    // Act
    const { user, temporaryPassword } = await inviteUser({ deps, actor: admin, input: evaluator })
    // Assess
    expect(user).toEqual({
      userId: 'u0001',
      email: 'li@zhengzhou.gov.cn',
      displayName: '李评估',
      role: 'evaluator',
      createdAt: '2026-11-23T08:00:00.000Z',
      createdBy: 'admin-1',
      isActive: true,
    })
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{16}$/)
    expect(await deps.stores.users.getUser({ tenantId: 'zhengzhou', userId: 'u0001' })).toEqual(user)
    const token = await signIn({ deps, input: { email: evaluator.email, password: temporaryPassword! } })
    expect(
      await deps.identity.verify({ token: token.accessToken, authorizerClaims: undefined }),
    ).toMatchObject({
      userId: 'u0001',
      role: 'evaluator',
      tenantId: 'zhengzhou',
    })
    const entries = await deps.audit.listAudit({
      tenantId: 'zhengzhou',
      entity: { entityType: 'user', entityId: 'u0001' },
    })
    expect(entries).toEqual([
      expect.objectContaining({ action: 'user.invite', actorId: 'admin-1', actorRole: 'admin', after: user }),
    ])
    expect(JSON.stringify(entries)).not.toContain(temporaryPassword!)
  })

  it('returns no password when the admin chose one, and the chosen one signs in', async () => {
    // Prepare
    const deps = testDeps()
    // Act
    const invited = await inviteUser({
      deps,
      actor: admin,
      input: { ...evaluator, temporaryPassword: 'Chosen12345' },
    })
    // Assess
    expect(invited).not.toHaveProperty('temporaryPassword')
    await expect(
      signIn({ deps, input: { email: evaluator.email, password: 'Chosen12345' } }),
    ).resolves.toMatchObject({
      tokenType: 'Bearer',
    })
  })

  it('binds a unit user to its existing unit, in the profile and in the token', async () => {
    // Prepare
    const deps = testDeps()
    await putGroup({ deps, actor: admin, input: { groupId: 'county', name: '县（市、区）', sortOrder: 0 } })
    await putUnit({
      deps,
      actor: admin,
      input: {
        unitId: 'xinmi',
        groupId: 'county',
        name: '新密市',
        aliases: [],
        websites: [],
        newMediaAccounts: [],
      },
    })
    // Act
    const { user } = await inviteUser({
      deps,
      actor: admin,
      input: {
        email: 'xm@xinmi.gov.cn',
        displayName: '新密',
        role: 'unit',
        unitId: 'xinmi',
        temporaryPassword: 'Xinmi123456',
      },
    })
    // Assess
    expect(user).toMatchObject({ role: 'unit', unitId: 'xinmi' })
    const token = await signIn({ deps, input: { email: 'xm@xinmi.gov.cn', password: 'Xinmi123456' } })
    expect(
      await deps.identity.verify({ token: token.accessToken, authorizerClaims: undefined }),
    ).toMatchObject({
      role: 'unit',
      unitId: 'xinmi',
    })
  })

  it.each([
    ['a missing unit', 'zhengzhou'],
    ["another tenant's unit", 'kaifeng'],
  ])(
    'refuses a unit user of %s with a ValidationError naming unitId, creating nothing',
    async (_, unitTenant) => {
      // Prepare
      const deps = testDeps()
      const unitAdmin = actorOf({ role: 'admin', tenantId: unitTenant })
      if (unitTenant !== 'zhengzhou') {
        await putGroup({ deps, actor: unitAdmin, input: { groupId: 'county', name: '县区', sortOrder: 0 } })
        await putUnit({
          deps,
          actor: unitAdmin,
          input: {
            unitId: 'lankao',
            groupId: 'county',
            name: '兰考县',
            aliases: [],
            websites: [],
            newMediaAccounts: [],
          },
        })
      }
      const input = {
        email: 'lk@lankao.gov.cn',
        displayName: '兰考',
        role: 'unit',
        unitId: 'lankao',
      } as const
      // Act
      const error = await inviteUser({ deps, actor: admin, input }).catch((caught: unknown) => caught)
      // Assess
      expect(error).toBeInstanceOf(ValidationError)
      expect(error).toMatchObject({ issues: [{ path: 'unitId' }] })
      expect(await deps.stores.users.listUsers({ tenantId: 'zhengzhou' })).toEqual([])
      // The email was not claimed by a login either: it can be invited as another role.
      await expect(
        inviteUser({ deps, actor: admin, input: { ...input, role: 'evaluator', unitId: undefined } }),
      ).resolves.toMatchObject({ user: { email: 'lk@lankao.gov.cn' } })
    },
  )

  it('takes the login back when the profile cannot be written', async () => {
    // Prepare
    const deps = testDeps()
    const failingUsers: UserStore = {
      putUser: async () => {
        throw new Error('user table unavailable')
      },
      getUser: (options) => deps.stores.users.getUser(options),
      listUsers: (options) => deps.stores.users.listUsers(options),
    }
    const input = { ...evaluator, temporaryPassword: 'Chosen12345' }
    // Act
    const attempt = inviteUser({ deps: { ...deps, users: failingUsers }, actor: admin, input })
    // Assess
    await expect(attempt).rejects.toThrow('user table unavailable')
    await expect(
      signIn({ deps, input: { email: evaluator.email, password: 'Chosen12345' } }),
    ).rejects.toThrow(UnauthorizedError)
    expect(await deps.audit.listAudit({ tenantId: 'zhengzhou' })).toEqual([])
    await expect(inviteUser({ deps, actor: admin, input })).resolves.toMatchObject({
      user: { email: evaluator.email },
    })
  })

  it('answers 409 naming email when the email is already a login, in any tenant', async () => {
    // Prepare
    const deps = testDeps()
    await inviteUser({ deps, actor: actorOf({ role: 'admin', tenantId: 'kaifeng' }), input: evaluator })
    // Act
    const error = await inviteUser({ deps, actor: admin, input: evaluator }).catch(
      (caught: unknown) => caught,
    )
    // Assess
    expect(error).toBeInstanceOf(ConflictError)
    expect(error).toMatchObject({ issues: [{ path: 'email' }] })
    expect(await deps.stores.users.listUsers({ tenantId: 'zhengzhou' })).toEqual([])
  })

  it.each<TenantRole>(['supervisor', 'evaluator', 'unit'])('refuses the role %s', async (role) => {
    // Prepare
    const deps = testDeps()
    // Act
    const attempt = inviteUser({ deps, actor: actorOf({ role }), input: evaluator })
    // Assess
    await expect(attempt).rejects.toThrow(ForbiddenError)
    expect(await deps.stores.users.listUsers({ tenantId: 'zhengzhou' })).toEqual([])
    await expect(signIn({ deps, input: { email: evaluator.email, password: 'anything-1' } })).rejects.toThrow(
      UnauthorizedError,
    )
  })
})
