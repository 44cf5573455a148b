import type { TenantRole } from '@pingce/core'
import { kaifeng2020, zhengzhou2016 } from '@pingce/scoring'
import { describe, expect, it } from 'vitest'
import { actorOf } from '../../test/actors'
import { testDeps } from '../../test/test-deps'
import { createScheme } from './create-scheme'
import { listSchemes } from './list-schemes'
import { saveSchemeVersion } from './save-scheme-version'

const admin = actorOf({ role: 'admin' })
const kaifeng = kaifeng2020.scheme as Record<string, unknown>
const zhengzhou = zhengzhou2016.scheme as Record<string, unknown>

async function withSchemes() {
  const deps = testDeps()
  await createScheme({
    deps,
    actor: admin,
    input: { schemeId: 'zhengzhou-2016', name: '郑州', document: zhengzhou },
  })
  await createScheme({
    deps,
    actor: admin,
    input: { schemeId: 'kaifeng-2020', name: '开封', document: kaifeng },
  })
  await saveSchemeVersion({
    deps,
    actor: admin,
    input: { schemeId: 'kaifeng-2020', basedOnVersion: 1, name: '开封（修订）', document: kaifeng },
  })
  await createScheme({
    deps,
    actor: actorOf({ role: 'admin', tenantId: 'kaifeng' }),
    input: { schemeId: 'kaifeng-own', name: '开封自用', document: kaifeng },
  })
  return deps
}

describe('listSchemes', () => {
  it('lists the latest version of every scheme of the tenant, without documents', async () => {
    // Prepare
    const deps = await withSchemes()
    // Act
    const schemes = await listSchemes({ deps, actor: admin })
    // Assess
    expect(schemes).toEqual([
      {
        schemeId: 'kaifeng-2020',
        version: 2,
        name: '开封（修订）',
        createdAt: '2026-11-23T08:00:00.000Z',
        createdBy: 'admin-1',
      },
      {
        schemeId: 'zhengzhou-2016',
        version: 1,
        name: '郑州',
        createdAt: '2026-11-23T08:00:00.000Z',
        createdBy: 'admin-1',
      },
    ])
  })

  it("never shows another tenant's schemes", async () => {
    // Prepare
    const deps = await withSchemes()
    // Act
    const schemes = await listSchemes({ deps, actor: actorOf({ role: 'evaluator', tenantId: 'kaifeng' }) })
    // Assess
    expect(schemes.map((scheme) => scheme.schemeId)).toEqual(['kaifeng-own'])
  })

  it.each<TenantRole>(['evaluator', 'supervisor', 'unit'])('lets the role %s read the list', async (role) => {
    // Prepare
    const deps = await withSchemes()
    // Act
    const schemes = await listSchemes({ deps, actor: actorOf({ role, unitId: 'xinmi' }) })
    // Assess
    expect(schemes).toHaveLength(2)
  })
})
