import { AppError } from './app-error'

export class ValidationError extends AppError {
  readonly status = 400
  readonly code = 'VALIDATION_FAILED'
}

export class UnauthorizedError extends AppError {
  readonly status = 401
  readonly code = 'UNAUTHORIZED'
}

export class ForbiddenError extends AppError {
  readonly status = 403
  readonly code = 'FORBIDDEN'
}

export class NotFoundError extends AppError {
  readonly status = 404
  readonly code = 'NOT_FOUND'
}

/** Optimistic-locking and uniqueness conflicts; `details.current` carries what is stored now. */
export class ConflictError extends AppError {
  readonly status = 409
  readonly code = 'CONFLICT'
}

export class PayloadTooLargeError extends AppError {
  readonly status = 413
  readonly code = 'PAYLOAD_TOO_LARGE'
}

export class RateLimitedError extends AppError {
  readonly status = 429
  readonly code = 'RATE_LIMITED'
}

/** A dependency (DynamoDB, S3, Cognito) did not answer as expected. The cause is logged, never sent. */
export class DependencyError extends AppError {
  readonly status = 503
  readonly code = 'DEPENDENCY_UNAVAILABLE'
}

/**
 * Something read back from storage does not match its schema (a corrupt or foreign item). The
 * client gets a plain 500; the log gets which item and why.
 */
export class StoredDataError extends AppError {
  readonly status = 500
  readonly code = 'STORED_DATA_INVALID'
}
