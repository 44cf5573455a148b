import { NotFoundError } from '@pingce/core'
import { kaifeng2020, zhengzhou2016 } from '@pingce/scoring'
import { describe, expect, it } from 'vitest'
import { actorOf } from '../../test/actors'
import { testDeps } from '../../test/test-deps'
import { createScheme } from './create-scheme'
import { getScheme } from './get-scheme'
import { saveSchemeVersion } from './save-scheme-version'

const admin = actorOf({ role: 'admin' })
const kaifeng = kaifeng2020.scheme as Record<string, unknown>
const zhengzhou = zhengzhou2016.scheme as Record<string, unknown>

async function withTwoVersions() {
  const deps = testDeps()
  await createScheme({ deps, actor: admin, input: { schemeId: 'city', name: '开封', document: kaifeng } })
  await saveSchemeVersion({
    deps,
    actor: admin,
    input: { schemeId: 'city', basedOnVersion: 1, name: '郑州', document: zhengzhou },
  })
  return deps
}

describe('getScheme', () => {
  it('gives the latest version when none is named', async () => {
    // Prepare
    const deps = await withTwoVersions()
    // Act
    const scheme = await getScheme({
      deps,
      actor: actorOf({ role: 'unit', unitId: 'xinmi' }),
      input: { schemeId: 'city' },
    })
    // Assess
    expect(scheme).toMatchObject({ schemeId: 'city', version: 2, name: '郑州', document: zhengzhou })
  })

  it('gives the named version', async () => {
    // Prepare
    const deps = await withTwoVersions()
    // Act
    const scheme = await getScheme({
      deps,
      actor: actorOf({ role: 'evaluator' }),
      input: { schemeId: 'city', version: 1 },
    })
    // Assess
    expect(scheme).toEqual({
      schemeId: 'city',
      version: 1,
      name: '开封',
      document: kaifeng,
      createdAt: '2026-11-23T08:00:00.000Z',
      createdBy: 'admin-1',
    })
  })

  it('answers NotFound for an unknown scheme and an unknown version', async () => {
    // Prepare
    const deps = await withTwoVersions()
    // Act
    const unknownScheme = getScheme({ deps, actor: admin, input: { schemeId: 'nowhere' } })
    const unknownVersion = getScheme({ deps, actor: admin, input: { schemeId: 'city', version: 3 } })
    // Assess
    await expect(unknownScheme).rejects.toThrow(NotFoundError)
    await expect(unknownVersion).rejects.toThrow(NotFoundError)
  })

  it("answers NotFound for another tenant's scheme, latest or by version", async () => {
    // Prepare
    const deps = await withTwoVersions()
    const kaifengAdmin = actorOf({ role: 'admin', tenantId: 'kaifeng' })
    // Act
    const latest = getScheme({ deps, actor: kaifengAdmin, input: { schemeId: 'city' } })
    const version = getScheme({ deps, actor: kaifengAdmin, input: { schemeId: 'city', version: 1 } })
    // Assess
    await expect(latest).rejects.toThrow(NotFoundError)
    await expect(version).rejects.toThrow(NotFoundError)
  })
})
