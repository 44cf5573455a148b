import type { z } from '../zod'
import { ValidationError } from './http-errors'

/**
 * Parses a use case's input with its schema, turning zod's issues into a ValidationError whose
 * issues name each field (under `prefix`, e.g. `units.3.`). Use cases called without a route in
 * front (the seeding, a worker) refuse bad input the same way the routes do.
 */
export function parseInput<T extends z.ZodType>(options: {
  schema: T
  value: unknown
  message: string
  prefix?: string
}): z.infer<T> {
  const result = options.schema.safeParse(options.value)
  if (result.success) return result.data
  throw new ValidationError({
    message: options.message,
    issues: result.error.issues.map((issue) => ({
      path: `${options.prefix ?? ''}${issue.path.map(String).join('.')}`.replace(/\.$/, ''),
      message: issue.message,
    })),
  })
}
