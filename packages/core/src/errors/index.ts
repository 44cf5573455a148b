export { AppError, type FieldIssue } from './app-error'
export {
  ConflictError,
  DependencyError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  StoredDataError,
  UnauthorizedError,
  ValidationError,
} from './http-errors'
export { parseInput } from './parse-input'
