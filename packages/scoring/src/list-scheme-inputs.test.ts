import { describe, expect, it } from 'vitest'
import { zhengzhou2016 } from './fixtures/zhengzhou-2016'
import { listSchemeInputs } from './list-scheme-inputs'

describe('listSchemeInputs', () => {
  it('lists the scored leaves, then the measures, of a group', () => {
    const inputs = listSchemeInputs({ scheme: zhengzhou2016.scheme, groupId: 'county' })
    expect(inputs.filter((input) => input.kind === 'score').map((input) => input.key)).toEqual([
      '信息公开.内容',
      '信息公开.格式',
      '办事指南.内容',
      '办事指南.格式',
      '便民服务.内容',
      '便民服务.格式',
      '交流互动',
      '门户网站建设.内容',
      '门户网站建设.格式',
    ])
    expect(inputs.find((input) => input.key === '办事指南.内容')!.allowsNotApplicable).toBe(true)
    expect(inputs.find((input) => input.key === '信息公开.内容')!.allowsNotApplicable).toBe(false)
    expect(inputs.filter((input) => input.kind === 'measure').map((input) => input.key)).toEqual([
      '采用数',
      '报送数',
    ])
  })

  it('rejects an unknown group', () => {
    expect(() => listSchemeInputs({ scheme: zhengzhou2016.scheme, groupId: 'nope' })).toThrow(
      /unknown group nope/,
    )
  })
})
