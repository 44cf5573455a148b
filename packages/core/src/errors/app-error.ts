/** A field-level problem in the input, as the client sees it. */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `units.3.name`; empty for the whole body. */
  path: string
  message: string
}

/**
 * The one error type that crosses layers. Every error knows its HTTP status and a stable code,
 * so the API maps it to the response without guessing. The message is written for the user and
 * never contains internal names.
 */
export abstract class AppError extends Error {
  abstract readonly status: number
  abstract readonly code: string
  readonly issues: FieldIssue[]
  readonly details: Record<string, unknown> | undefined

  constructor(options: { message: string; issues?: FieldIssue[]; details?: Record<string, unknown> }) {
    super(options.message)
    this.name = new.target.name
    this.issues = options.issues ?? []
    this.details = options.details
  }

  toJSON(): {
    status: number
    code: string
    message: string
    issues?: FieldIssue[]
    details?: Record<string, unknown>
  } {
    return {
      status: this.status,
      code: this.code,
      message: this.message,
      ...(this.issues.length > 0 ? { issues: this.issues } : {}),
      ...(this.details ? { details: this.details } : {}),
    }
  }
}
