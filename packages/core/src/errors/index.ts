export { AppError, type FieldIssue } from './app-error'
export { parseInput } from './parse-input'
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
