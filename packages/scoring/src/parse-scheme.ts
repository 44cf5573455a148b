import { collectSchemeIssues } from './collect-scheme-issues'
import { type Scheme, SchemeSchema } from './scheme-schema'
import { SchemeValidationError } from './scheme-validation-error'

/**
 * Validates a scheme document: shape (zod), then references, cycles, maxima and measures.
 *
 * @throws SchemeValidationError with every issue, each naming the indicator and the problem.
 * @example
 * const scheme = parseScheme({ document: JSON.parse(text) })
 */
export function parseScheme({ document }: { document: unknown }): Scheme {
  const parsed = SchemeSchema.safeParse(document)
  if (!parsed.success) {
    throw new SchemeValidationError({
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    })
  }
  const issues = collectSchemeIssues({ scheme: parsed.data })
  if (issues.length > 0) throw new SchemeValidationError({ issues })
  return parsed.data
}
