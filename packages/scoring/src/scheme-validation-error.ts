/** One problem in a scheme: where (dotted path, naming the indicator) and what. */
export interface SchemeIssue {
  path: string
  message: string
}

/**
 * A scheme that cannot be scored. Carries every issue found, not just the first, so that a city
 * editing its scheme sees all problems at once. The API maps `code` to HTTP 422.
 */
export class SchemeValidationError extends Error {
  readonly code = 'scheme-invalid'
  readonly status = 422
  readonly issues: SchemeIssue[]

  constructor(options: { issues: SchemeIssue[] }) {
    super(
      `Invalid scheme: ${options.issues
        .slice(0, 5)
        .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
        .join('; ')}${options.issues.length > 5 ? ` (+${options.issues.length - 5} more)` : ''}`,
    )
    this.name = 'SchemeValidationError'
    this.issues = options.issues
  }
}
