import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config'

describe('loadConfig', () => {
  const valid = {
    PINGCE_TABLE_NAME: 'pingce',
    PINGCE_BUCKET_NAME: 'pingce-reports',
    PINGCE_TOKEN_SECRET: 'x'.repeat(32),
  }

  it('applies defaults', () => {
    expect(loadConfig(valid)).toMatchObject({
      PINGCE_AUTH_MODE: 'local',
      LOG_LEVEL: 'info',
      PINGCE_MAX_BODY_BYTES: 5_242_880,
    })
  })

  it('names every missing or invalid variable', () => {
    expect(() => loadConfig({ PINGCE_BUCKET_NAME: 'Bad_Bucket' })).toThrow(ConfigError)
    try {
      loadConfig({ PINGCE_BUCKET_NAME: 'Bad_Bucket', LOG_LEVEL: 'loud' })
    } catch (error) {
      const message = (error as Error).message
      expect(message).toContain('PINGCE_TABLE_NAME')
      expect(message).toContain('PINGCE_BUCKET_NAME: must be an S3 bucket name')
      expect(message).toContain('LOG_LEVEL')
    }
  })

  it('requires the Cognito settings in cognito mode', () => {
    expect(() => loadConfig({ ...valid, PINGCE_AUTH_MODE: 'cognito' })).toThrow(
      /PINGCE_COGNITO_USER_POOL_ID: is required when PINGCE_AUTH_MODE=cognito/,
    )
  })
})
