import { ConflictError, ForbiddenError, type TenantRole, ValidationError } from '@pingce/core'
import { kaifeng2020, zhengzhou2016 } from '@pingce/scoring'
import { describe, expect, it } from 'vitest'
import { actorOf } from '../../test/actors'
import { testDeps } from '../../test/test-deps'
import { createScheme } from './create-scheme'

const admin = actorOf({ role: 'admin' })
const kaifeng = kaifeng2020.scheme as Record<string, unknown>
const zhengzhou = zhengzhou2016.scheme as Record<string, unknown>

function withNegativeMaximum(): Record<string, unknown> {
  const document = structuredClone(kaifeng) as { trees: Record<string, { max: number }[]> }
  document.trees.county![0]!.max = -5
  return document
}

function withImputationCycle(): Record<string, unknown> {
  const document = structuredClone(zhengzhou) as { trees: Record<string, Record<string, unknown>[]> }
  // 办事指南 already imputes from 信息公开; imputing back closes the cycle.
  document.trees.zhengzhou![0]!.notApplicable = { policy: 'impute-ratio', from: '办事指南' }
  return document
}

describe('createScheme', () => {
  it('stores a valid scheme as version 1, stamped with who and when, and audits it', async () => {
    // Prepare
    const deps = testDeps()
    // Act
    const scheme = await createScheme({
      deps,
      actor: admin,
      input: { schemeId: 'kaifeng-2020', name: '开封 2020', document: kaifeng },
    })
    // Assess
    const expected = {
      schemeId: 'kaifeng-2020',
      name: '开封 2020',
      document: kaifeng,
      version: 1,
      createdAt: '2026-11-23T08:00:00.000Z',
      createdBy: 'admin-1',
    }
    expect(scheme).toEqual(expected)
    expect(
      await deps.stores.schemes.getVersion({ tenantId: 'zhengzhou', schemeId: 'kaifeng-2020', version: 1 }),
    ).toEqual(expected)
    expect(
      await deps.audit.listAudit({
        tenantId: 'zhengzhou',
        entity: { entityType: 'scheme', entityId: 'kaifeng-2020' },
      }),
    ).toEqual([
      expect.objectContaining({
        action: 'scheme.create',
        actorId: 'admin-1',
        before: null,
        after: { version: 1, name: '开封 2020', document: kaifeng },
      }),
    ])
  })

  it('answers 409 naming schemeId when the id exists, and keeps the stored version', async () => {
    // Prepare
    const deps = testDeps()
    await createScheme({ deps, actor: admin, input: { schemeId: 'city', name: '开封', document: kaifeng } })
    // Act
    const error = await createScheme({
      deps,
      actor: admin,
      input: { schemeId: 'city', name: '郑州', document: zhengzhou },
    }).catch((caught: unknown) => caught)
    // Assess
    expect(error).toBeInstanceOf(ConflictError)
    expect(error).toMatchObject({ status: 409, issues: [{ path: 'schemeId' }] })
    expect(await deps.stores.schemes.getLatest({ tenantId: 'zhengzhou', schemeId: 'city' })).toMatchObject({
      version: 1,
      name: '开封',
    })
    expect(
      await deps.audit.listAudit({
        tenantId: 'zhengzhou',
        entity: { entityType: 'scheme', entityId: 'city' },
      }),
    ).toHaveLength(1)
  })

  it.each([
    ['a negative maximum', withNegativeMaximum, 'document.trees.county.0.max'],
    ['an imputation cycle', withImputationCycle, 'document.trees.zhengzhou'],
  ])('refuses a document with %s, issues under document., and stores nothing', async (_, make, path) => {
    // Prepare
    const deps = testDeps()
    // Act
    const error = await createScheme({
      deps,
      actor: admin,
      input: { schemeId: 'broken', name: '无效方案', document: make() },
    }).catch((caught: unknown) => caught)
    // Assess
    expect(error).toBeInstanceOf(ValidationError)
    const issues = (error as ValidationError).issues
    expect(issues.map((issue) => issue.path)).toContain(path)
    for (const issue of issues) expect(issue.path).toMatch(/^document\./)
    expect(await deps.stores.schemes.listLatest({ tenantId: 'zhengzhou' })).toEqual([])
    expect(await deps.audit.listAudit({ tenantId: 'zhengzhou' })).toEqual([])
  })

  it.each<TenantRole>(['evaluator', 'supervisor', 'unit'])('refuses the role %s', async (role) => {
    // Prepare
    const deps = testDeps()
    // Act
    const attempt = createScheme({
      deps,
      actor: actorOf({ role, unitId: 'xinmi' }),
      input: { schemeId: 'kaifeng-2020', name: '开封 2020', document: kaifeng },
    })
    // Assess
    await expect(attempt).rejects.toThrow(ForbiddenError)
    expect(await deps.stores.schemes.listLatest({ tenantId: 'zhengzhou' })).toEqual([])
  })

  it("keeps tenants apart: another tenant's scheme id is free here", async () => {
    // Prepare
    const deps = testDeps()
    await createScheme({
      deps,
      actor: actorOf({ role: 'admin', tenantId: 'kaifeng' }),
      input: { schemeId: 'city', name: '开封', document: kaifeng },
    })
    // Act
    const scheme = await createScheme({
      deps,
      actor: admin,
      input: { schemeId: 'city', name: '郑州', document: zhengzhou },
    })
    // Assess
    expect(scheme).toMatchObject({ version: 1, name: '郑州' })
    expect(await deps.stores.schemes.getLatest({ tenantId: 'kaifeng', schemeId: 'city' })).toMatchObject({
      name: '开封',
    })
  })
})
