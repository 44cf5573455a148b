import { ValidationError } from '@pingce/core'
import { parseScheme, type Scheme, SchemeValidationError } from '@pingce/scoring'

/**
 * Checks a scheme document with the engine before it is stored: a scheme that cannot be scored
 * never reaches an evaluation. Every problem is reported, each under `document.<path>`.
 */
export function validateSchemeDocument(options: { document: unknown }): Scheme {
  try {
    return parseScheme({ document: options.document })
  } catch (error) {
    if (error instanceof SchemeValidationError) {
      throw new ValidationError({
        message: '评估方案无效',
        issues: error.issues.map((issue) => ({
          path: issue.path ? `document.${issue.path}` : 'document',
          message: issue.message,
        })),
      })
    }
    throw error
  }
}
