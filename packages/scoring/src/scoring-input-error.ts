/** Inputs that do not fit the scheme: an unknown group, indicator, measure or period. */
export class ScoringInputError extends Error {
  readonly code = 'scoring-input-invalid'
  readonly status = 422
  readonly issues: { path: string; message: string }[]

  constructor(options: { issues: { path: string; message: string }[] }) {
    super(
      `Invalid scoring input: ${options.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
    )
    this.name = 'ScoringInputError'
    this.issues = options.issues
  }
}
