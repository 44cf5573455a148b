import { beforeAll, describe, expect, it } from 'vitest'
import { createTokenSigner } from '../functions/api/src/auth/token-signer'
import { createTestApp, type TestApp } from './support/test-app'

/** A token signed with the right secret but naming a tenant id that is no id, on the real stores. */
describe('a well-signed token with an invalid tenant id (DynamoDB Local)', () => {
  let send: TestApp['send']
  beforeAll(async () => {
    ;({ send } = await createTestApp({ isRateLimited: false }))
  })

  it.each(['TENANT#x', 'A B'])('answers 401, not 500, for tenant id %j', async (tid) => {
    // Prepare
    // The signer signs what it is given; only verification judges the claims.
    const signer = createTokenSigner({ secret: 'integration-test-secret-of-at-least-32-chars' })
    const { accessToken: token } = await signer.sign({
      context: { userId: 'u-1', email: 'x@zz.example', role: 'admin', tenantId: tid, unitId: undefined },
    })
    // Act
    const response = await send({ path: '/users', token })
    // Assess
    expect(response.status).toBe(401)
    expect(JSON.parse(response.text)).toMatchObject({ error: { code: 'UNAUTHORIZED' } })
  })
})
