import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The local token-signing secret: made once per data directory and kept there (owner-only), so a
 * restart keeps users signed in and no secret is ever committed or shared between installations.
 */
export function localTokenSecret(options: { dataDir: string }): string {
  const path = join(options.dataDir, 'token-secret')
  if (existsSync(path)) return readFileSync(path, 'utf8').trim()
  const secret = randomBytes(48).toString('base64url')
  writeFileSync(path, secret, { mode: 0o600 })
  return secret
}
