import { ConflictError, ForbiddenError, NotFoundError, type TenantRole, ValidationError } from '@pingce/core'
import { kaifeng2020, zhengzhou2016 } from '@pingce/scoring'
import { describe, expect, it } from 'vitest'
import { actorOf } from '../../test/actors'
import { testDeps } from '../../test/test-deps'
import { createScheme } from './create-scheme'
import { saveSchemeVersion } from './save-scheme-version'

const admin = actorOf({ role: 'admin' })
const kaifeng = kaifeng2020.scheme as Record<string, unknown>
const zhengzhou = zhengzhou2016.scheme as Record<string, unknown>

async function withScheme() {
  const deps = testDeps()
  await createScheme({
    deps,
    actor: admin,
    input: { schemeId: 'city', name: '开封 2020', document: kaifeng },
  })
  return deps
}

describe('saveSchemeVersion', () => {
  it('stores version n + 1 and keeps version n readable as it was', async () => {
    // Prepare
    const deps = await withScheme()
    // Act
    const saved = await saveSchemeVersion({
      deps,
      actor: admin,
      input: { schemeId: 'city', basedOnVersion: 1, document: zhengzhou },
    })
    // Assess
    expect(saved).toMatchObject({ schemeId: 'city', version: 2, name: '开封 2020', document: zhengzhou })
    expect(await deps.stores.schemes.getLatest({ tenantId: 'zhengzhou', schemeId: 'city' })).toEqual(saved)
    expect(
      await deps.stores.schemes.getVersion({ tenantId: 'zhengzhou', schemeId: 'city', version: 1 }),
    ).toMatchObject({ version: 1, document: kaifeng })
    const [latest] = await deps.audit.listAudit({
      tenantId: 'zhengzhou',
      entity: { entityType: 'scheme', entityId: 'city' },
    })
    expect(latest).toMatchObject({
      action: 'scheme.version',
      actorId: 'admin-1',
      before: { version: 1, name: '开封 2020' },
      after: { version: 2, name: '开封 2020', document: zhengzhou },
    })
  })

  it('takes a new name when one is given', async () => {
    // Prepare
    const deps = await withScheme()
    // Act
    const saved = await saveSchemeVersion({
      deps,
      actor: admin,
      input: { schemeId: 'city', basedOnVersion: 1, name: '开封 2021', document: kaifeng },
    })
    // Assess
    expect(saved).toMatchObject({ version: 2, name: '开封 2021' })
  })

  it('answers 409 with details.currentVersion to an edit based on a stale version, storing nothing', async () => {
    // Prepare
    const deps = await withScheme()
    await saveSchemeVersion({
      deps,
      actor: admin,
      input: { schemeId: 'city', basedOnVersion: 1, document: kaifeng },
    })
    // Act
    const error = await saveSchemeVersion({
      deps,
      actor: admin,
      input: { schemeId: 'city', basedOnVersion: 1, document: zhengzhou },
    }).catch((caught: unknown) => caught)
    // Assess
    expect(error).toBeInstanceOf(ConflictError)
    expect(error).toMatchObject({ status: 409, details: { currentVersion: 2 } })
    expect(await deps.stores.schemes.getLatest({ tenantId: 'zhengzhou', schemeId: 'city' })).toMatchObject({
      version: 2,
      document: kaifeng,
    })
    expect(
      await deps.audit.listAudit({
        tenantId: 'zhengzhou',
        entity: { entityType: 'scheme', entityId: 'city' },
      }),
    ).toHaveLength(2)
  })

  it('refuses an invalid document with issues under document., storing nothing', async () => {
    // Prepare
    const deps = await withScheme()
    const document = structuredClone(kaifeng) as { trees: Record<string, { max: number }[]> }
    document.trees.department![2]!.max = -1
    // Act
    const error = await saveSchemeVersion({
      deps,
      actor: admin,
      input: { schemeId: 'city', basedOnVersion: 1, document },
    }).catch((caught: unknown) => caught)
    // Assess
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).issues).toContainEqual(
      expect.objectContaining({ path: 'document.trees.department.2.max' }),
    )
    for (const issue of (error as ValidationError).issues) expect(issue.path).toMatch(/^document\./)
    expect(await deps.stores.schemes.getLatest({ tenantId: 'zhengzhou', schemeId: 'city' })).toMatchObject({
      version: 1,
    })
  })

  it("answers NotFound for an unknown scheme and for another tenant's", async () => {
    // Prepare
    const deps = await withScheme()
    // Act
    const unknown = saveSchemeVersion({
      deps,
      actor: admin,
      input: { schemeId: 'nowhere', basedOnVersion: 1, document: kaifeng },
    })
    const foreign = saveSchemeVersion({
      deps,
      actor: actorOf({ role: 'admin', tenantId: 'kaifeng' }),
      input: { schemeId: 'city', basedOnVersion: 1, document: kaifeng },
    })
    // Assess
    await expect(unknown).rejects.toThrow(NotFoundError)
    await expect(foreign).rejects.toThrow(NotFoundError)
    expect(await deps.stores.schemes.listLatest({ tenantId: 'kaifeng' })).toEqual([])
    expect(await deps.stores.schemes.getLatest({ tenantId: 'zhengzhou', schemeId: 'city' })).toMatchObject({
      version: 1,
    })
  })

  it.each<TenantRole>(['evaluator', 'supervisor', 'unit'])('refuses the role %s', async (role) => {
    // Prepare
    const deps = await withScheme()
    // Act
    const attempt = saveSchemeVersion({
      deps,
      actor: actorOf({ role }),
      input: { schemeId: 'city', basedOnVersion: 1, document: zhengzhou },
    })
    // Assess
    await expect(attempt).rejects.toThrow(ForbiddenError)
    expect(await deps.stores.schemes.getLatest({ tenantId: 'zhengzhou', schemeId: 'city' })).toMatchObject({
      version: 1,
    })
  })
})
