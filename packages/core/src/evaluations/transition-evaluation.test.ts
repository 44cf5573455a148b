import { describe, expect, it } from 'vitest'
import { ConflictError, ValidationError } from '../errors'
import { sampleEvaluation } from '../fakes/sample-evaluation'
import { publishedRevision, transitionEvaluation } from './transition-evaluation'

const at = '2026-11-23T08:00:00.000Z'
const draft = sampleEvaluation({
  evaluationId: 'kf-2020',
  name: '开封市 2020 年度',
  groups: [{ groupId: 'county', schemeId: 'kf-county', schemeVersion: 1 }],
})

describe('transitionEvaluation', () => {
  it('walks draft → in review → published, bumping the version', () => {
    const inReview = transitionEvaluation({
      evaluation: draft,
      action: 'submit-for-review',
      reason: undefined,
      at,
    })
    const published = transitionEvaluation({ evaluation: inReview, action: 'publish', reason: undefined, at })
    expect([inReview.status, published.status]).toEqual(['in-review', 'published'])
    expect(published.version).toBe(3)
    expect(publishedRevision(published)).toBe(0)
  })

  it('re-evaluates a published evaluation as a new revision with its reason', () => {
    const published = { ...draft, status: 'published' as const }
    const reopened = transitionEvaluation({
      evaluation: published,
      action: 're-evaluate',
      reason: ' 复查发现漏评 ',
      at,
    })
    expect(reopened).toMatchObject({ status: 'draft', revision: 1, revisionReason: '复查发现漏评' })
    expect(publishedRevision(reopened)).toBe(0)
    expect(() =>
      transitionEvaluation({ evaluation: published, action: 're-evaluate', reason: ' ', at }),
    ).toThrow(ValidationError)
  })

  it('refuses transitions from the wrong status with a conflict', () => {
    expect(() =>
      transitionEvaluation({ evaluation: draft, action: 'publish', reason: undefined, at }),
    ).toThrow(ConflictError)
    expect(publishedRevision(draft)).toBeUndefined()
  })
})
