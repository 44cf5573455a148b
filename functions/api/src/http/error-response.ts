import { z } from '@hono/zod-openapi'

/** The one shape of every failure the API returns. */
export const ErrorResponseSchema = z
  .object({
    error: z.object({
      status: z.number().int().openapi({ example: 400 }),
      code: z.string().openapi({ example: 'VALIDATION_FAILED' }),
      message: z.string().openapi({ example: '请求参数无效' }),
      issues: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .optional()
        .openapi({ description: 'Field-level problems, for validation errors' }),
      details: z.record(z.string(), z.unknown()).optional(),
      requestId: z.string(),
    }),
  })
  .openapi('ErrorResponse')

export type ErrorResponse = z.infer<typeof ErrorResponseSchema>
