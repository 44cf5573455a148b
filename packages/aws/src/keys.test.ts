import { describe, expect, it } from 'vitest'
import { platformKeys, tenantKeys, tenantPartition } from './keys'

describe('keys', () => {
  it('puts every tenant item in the partition TENANT#<id>, exactly', () => {
    expect(tenantPartition('zhengzhou')).toBe('TENANT#zhengzhou')
    expect(tenantKeys.profile('kaifeng')).toEqual({ pk: 'TENANT#kaifeng', sk: 'PROFILE' })
  })

  it('refuses ids that could forge or widen a key', () => {
    for (const bad of ['', 'a#b', 'Zhengzhou', 'zz/', 'x'.repeat(41), 'zhengzhou#EVAL']) {
      expect(() => tenantPartition(bad)).toThrow('invalid tenant id')
    }
  })

  it('keeps platform items out of any tenant partition', () => {
    expect(platformKeys.tenantRegister('zhengzhou').pk.startsWith('PLATFORM#')).toBe(true)
    expect(platformKeys.loginByEmail('Admin@ZZ.gov.cn')).toEqual({
      pk: 'PLATFORM#LOGINS',
      sk: 'EMAIL#admin@zz.gov.cn',
    })
    expect(() => platformKeys.divisionCodeClaim('41#0100')).toThrow('invalid key segment')
  })
})
