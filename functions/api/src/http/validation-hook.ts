import { ValidationError } from '@pingce/core'
import type { z } from 'zod'

/** Converts zod issues into the API's field issues: dotted path and message. */
export function toFieldIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))
}

/**
 * Used as the OpenAPIHono `defaultHook`: every request that fails its zod schema ends as one
 * ValidationError, so all 400s look alike whatever route they come from.
 */
export function validationHook(result: { success: boolean; error?: z.ZodError; target?: string }): void {
  if (!result.success && result.error) {
    throw new ValidationError({
      message: '请求参数无效',
      issues: toFieldIssues(result.error),
      ...(result.target ? { details: { target: result.target } } : {}),
    })
  }
}
