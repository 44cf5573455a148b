import { resolve } from 'node:path'
import { z } from 'zod'

/** What only the local start reads: where to listen and where the data lives. */
export const LocalConfigSchema = z.object({
  PINGCE_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PINGCE_HOST: z.string().default('127.0.0.1'),
  PINGCE_DATA_DIR: z.string().min(1).default('.data'),
  PINGCE_TABLE_NAME: z.string().default('pingce'),
  PINGCE_BUCKET_NAME: z.string().default('pingce-local'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** `off` starts without loading the demo cities into a new data directory. */
  PINGCE_DEMO: z.enum(['on', 'off']).default('on'),
  PINGCE_IMPORT_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
})
export type LocalConfig = z.infer<typeof LocalConfigSchema>

export function loadLocalConfig(options: {
  env: Record<string, string | undefined>
  cwd: string
}): LocalConfig {
  const result = LocalConfigSchema.safeParse(options.env)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid configuration (环境变量配置无效):\n${lines.join('\n')}`)
  }
  return { ...result.data, PINGCE_DATA_DIR: resolve(options.cwd, result.data.PINGCE_DATA_DIR) }
}
