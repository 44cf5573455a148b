import { fileURLToPath } from 'node:url'

/** The repository root: the project root for bundling and where `pnpm-lock.yaml` lives. */
export const repoRoot: string = fileURLToPath(new URL('../../../', import.meta.url))

/** Resolves a path relative to the repository root. */
export function fromRepoRoot(relativePath: string): string {
  return fileURLToPath(new URL(relativePath, new URL('../../../', import.meta.url)))
}
