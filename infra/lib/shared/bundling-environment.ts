import { existsSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { fromRepoRoot } from './paths'

/**
 * With a `pnpm-lock.yaml`, NodejsFunction bundles by running `pnpm exec esbuild`. This repo runs
 * pnpm through `npx` and installs no global one, so when `pnpm` is not on the PATH (e.g. tests run
 * by `scripts/test.sh`), bundling gets a PATH with `infra/tools/bin/pnpm`, a shim that calls the
 * pinned pnpm. Never Docker: the machines here have none.
 */
export function bundlingEnvironment(): Record<string, string> {
  const path = process.env.PATH ?? ''
  const hasPnpm = path.split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, 'pnpm')))
  if (hasPnpm) return {}
  return { PATH: [fromRepoRoot('infra/tools/bin'), path].filter(Boolean).join(delimiter) }
}
