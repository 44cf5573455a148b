import { describe, expect, it } from 'vitest'
import { indexPage } from './index-page'
import { messages } from './messages'

describe('indexPage', () => {
  it('is a Chinese-first page with English available', () => {
    const html = indexPage()
    expect(html).toMatch(/<html lang="zh-CN">/)
    expect(html).toContain(messages['zh-CN'].title)
    expect(html).toContain(JSON.stringify(messages.en.signIn))
  })

  it('has the same keys in both languages', () => {
    const keys = (value: object): string[] =>
      Object.entries(value).flatMap(([key, inner]) =>
        typeof inner === 'object' ? keys(inner).map((k) => `${key}.${k}`) : [key],
      )
    expect(keys(messages.en).sort()).toEqual(keys(messages['zh-CN']).sort())
  })

  it('never inserts data as HTML', () => {
    expect(indexPage()).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/)
  })
})
