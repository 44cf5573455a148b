import { z } from 'zod'

const optionalUrl = z.url().optional()

/**
 * Everything the app reads from its environment, parsed once at start-up. Nothing deeper reads
 * `process.env`: entry files call {@link loadConfig} and pass the result down.
 */
export const AppConfigSchema = z
  .object({
    PINGCE_TABLE_NAME: z.string().regex(/^[A-Za-z0-9_.-]{3,255}$/, 'must be a DynamoDB table name'),
    PINGCE_BUCKET_NAME: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name'),
    AWS_REGION: z.string().min(1).default('cn-north-1'),
    PINGCE_AUTH_MODE: z.enum(['local', 'cognito']).default('local'),
    PINGCE_COGNITO_USER_POOL_ID: z.string().optional(),
    PINGCE_COGNITO_CLIENT_ID: z.string().optional(),
    PINGCE_TENANT_ROLE_ARN: z.string().optional(),
    /** Signs local tokens (HS256); at least 32 characters. Not used with Cognito. */
    PINGCE_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    PINGCE_DYNAMODB_ENDPOINT: optionalUrl,
    PINGCE_S3_ENDPOINT: optionalUrl,
    PINGCE_MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(5 * 1024 * 1024),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    /**
     * How long an import holds its claim on an evaluation without renewing it (each chunk renews
     * it); an import cut off by a crash is undone by the next access once this has passed.
     */
    PINGCE_IMPORT_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  })
  .superRefine((env, ctx) => {
    if (env.PINGCE_AUTH_MODE === 'cognito') {
      for (const key of [
        'PINGCE_COGNITO_USER_POOL_ID',
        'PINGCE_COGNITO_CLIENT_ID',
        'PINGCE_TENANT_ROLE_ARN',
      ] as const) {
        if (!env[key])
          ctx.addIssue({ code: 'custom', path: [key], message: 'is required when PINGCE_AUTH_MODE=cognito' })
      }
    } else if (!env.PINGCE_TOKEN_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['PINGCE_TOKEN_SECRET'],
        message: 'is required when PINGCE_AUTH_MODE=local',
      })
    }
  })

export type AppConfig = z.infer<typeof AppConfigSchema>

/** Raised at start-up; the message names every missing or invalid variable. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID'
}

export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const result = AppConfigSchema.safeParse(env)
  if (result.success) return result.data
  const lines = result.error.issues.map(
    (issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`,
  )
  throw new ConfigError(`Invalid configuration (环境变量配置无效):\n${lines.join('\n')}`)
}
