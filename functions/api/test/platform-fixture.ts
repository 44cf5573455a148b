import type { AuthContext } from '@pingce/core'
import { signUpTenant } from '../src/auth/sign-up-tenant'
import { type TestDeps, testDeps } from './test-deps'

/** The platform operator as a verified token makes it: no tenant of its own. */
export const operator: AuthContext = {
  userId: 'operator',
  email: 'operator@pingce.cn',
  role: 'platform-operator',
  tenantId: undefined,
  unitId: undefined,
}

/** Cities that sign up in the platform tests; `zz-copy` claims 郑州's division code. */
export const cities = {
  zhengzhou: {
    tenant: { tenantId: 'zhengzhou', name: '郑州市', divisionCode: '410100', tier: '省会' },
    admin: { email: 'admin@zhengzhou.gov.cn', displayName: '王主任', password: 'CityAdmin2026' },
  },
  kaifeng: {
    tenant: { tenantId: 'kaifeng', name: '开封市', divisionCode: '410200', tier: '地市' },
    admin: { email: 'admin@kaifeng.gov.cn', displayName: '李主任', password: 'Kaifeng20201' },
  },
  'zz-copy': {
    tenant: { tenantId: 'zz-copy', name: '郑州市', divisionCode: '410100', tier: '省会' },
    admin: { email: 'admin@zz-copy.cn', displayName: '冒名', password: 'Impostor2026' },
  },
} as const

/** Fresh dependencies with the named cities signed up through the use case, in order. */
export async function withCities(...names: (keyof typeof cities)[]): Promise<TestDeps> {
  const deps = testDeps()
  for (const name of names) await signUpTenant({ deps, ...cities[name] })
  return deps
}
