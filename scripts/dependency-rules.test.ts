import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { cruise, type ICruiseOptions, type ICruiseResult } from 'dependency-cruiser'
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options'
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * The dependency rules of .dependency-cruiser.cjs (run by scripts/test.sh) bite: on a small fixture
 * tree that breaks each of them, and not on the real tree.
 */

const repoRoot = resolve(import.meta.dirname, '..')
const configFile = join(repoRoot, '.dependency-cruiser.cjs')
/** What scripts/test.sh cruises. */
const roots = ['functions/api/src', 'packages/*/src']

/** A tree shaped like the repository, with pnpm's workspace symlinks, that breaks every rule. */
const fixtureFiles: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'preserve', moduleResolution: 'bundler' } }),
  'package.json': JSON.stringify({ name: 'fixture', private: true, type: 'module' }),
  'packages/aws/package.json': JSON.stringify({ name: '@pingce/aws', exports: { '.': './src/index.ts' } }),
  'packages/aws/src/index.ts':
    "export { dynamoXStore } from './dynamo-x-store'\nexport type DynamoX = number\n",
  'packages/aws/src/dynamo-x-store.ts': 'export const dynamoXStore = 1\n',
  'packages/core/package.json': JSON.stringify({
    name: '@pingce/core',
    exports: { '.': './src/index.ts', './fakes': './src/fakes/index.ts' },
  }),
  'packages/core/src/index.ts': "import { score } from '@pingce/scoring'\nexport const model = score\n",
  'packages/core/src/fakes/index.ts': "export { inMemoryXStore } from './in-memory-x-store'\n",
  'packages/core/src/fakes/in-memory-x-store.ts':
    "import { dynamoXStore } from '@pingce/aws'\nexport const inMemoryXStore = dynamoXStore\n",
  'packages/scoring/package.json': JSON.stringify({
    name: '@pingce/scoring',
    exports: { '.': './src/index.ts' },
  }),
  'packages/scoring/src/index.ts':
    "import { readFileSync } from 'node:fs'\nimport { model } from '@pingce/core'\nexport const score = [readFileSync, model]\n",
  'packages/scoring/src/index.test.ts':
    "import { readFileSync } from 'node:fs'\nexport const read = readFileSync\n",
  // A route reaching a store by relative path and the fakes by subpath; another through the symlink.
  'functions/api/src/x/x-routes.ts':
    "import { dynamoXStore } from '../../../../packages/aws/src/dynamo-x-store'\nimport { inMemoryXStore } from '@pingce/core/fakes'\nexport const routes = [dynamoXStore, inMemoryXStore]\n",
  // A type is a dependency too.
  'functions/api/src/x/z-routes.ts':
    "import type { DynamoX } from '@pingce/aws'\nexport type Routes = DynamoX\n",
  'functions/api/src/x/y-routes.ts':
    "import { dynamoXStore } from '@pingce/aws'\nexport const routes = dynamoXStore\n",
  'functions/api/src/x/x-routes.test.ts':
    "import { inMemoryXStore } from '@pingce/core/fakes'\nexport const fake = inMemoryXStore\n",
  'functions/api/src/health/health-routes.ts':
    "import { start } from '../local/start'\nexport const health = start\n",
  'functions/api/src/local/start.ts':
    "import { dynamoXStore } from '@pingce/aws'\nexport const start = dynamoXStore\n",
  'functions/api/src/dependencies.ts':
    "import { dynamoXStore } from '@pingce/aws'\nexport const deps = dynamoXStore\n",
  'functions/api/src/x/list-x.ts':
    "import { dynamoXStore } from '@pingce/aws'\nexport const listX = dynamoXStore\n",
  'functions/api/src/x/a.ts': "import { b } from './b'\nexport const a = () => b\n",
  'functions/api/src/x/b.ts': "import { a } from './a'\nexport const b = () => a\n",
}

function writeFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pingce-depcruise-'))
  for (const [path, text] of Object.entries(fixtureFiles)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  mkdirSync(join(dir, 'node_modules/@pingce'), { recursive: true })
  for (const name of ['aws', 'core', 'scoring']) {
    symlinkSync(`../../packages/${name}`, join(dir, `node_modules/@pingce/${name}`), 'dir')
  }
  return dir
}

async function violationsOf(options: {
  baseDir: string
  overrides?: Partial<ICruiseOptions>
}): Promise<string[]> {
  const cruiseOptions = await extractDepcruiseOptions(configFile)
  const tsConfigFile = join(options.baseDir, 'tsconfig.json')
  const result = await cruise(
    roots,
    {
      ...cruiseOptions,
      ...options.overrides,
      baseDir: options.baseDir,
      tsConfig: { fileName: tsConfigFile },
      outputType: 'json',
    },
    {},
    { tsConfig: extractTSConfig(tsConfigFile) },
  )
  const output = result.output as ICruiseResult | string
  const summary = (typeof output === 'string' ? (JSON.parse(output) as ICruiseResult) : output).summary
  return summary.violations
    .map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`)
    .sort()
}

describe('the dependency rules', () => {
  let fixture: string

  beforeAll(() => {
    fixture = writeFixture()
  })
  afterAll(() => {
    rmSync(fixture, { recursive: true, force: true })
  })

  const expected = [
    'adapters-only-in-composition-roots: functions/api/src/x/list-x.ts → packages/aws/src/index.ts',
    'adapters-only-in-composition-roots: functions/api/src/x/x-routes.ts → packages/aws/src/dynamo-x-store.ts',
    'adapters-only-in-composition-roots: functions/api/src/x/y-routes.ts → packages/aws/src/index.ts',
    'adapters-only-in-composition-roots: functions/api/src/x/z-routes.ts → packages/aws/src/index.ts',
    // One violation per cycle.
    'api-has-no-cycles: functions/api/src/x/a.ts → functions/api/src/x/b.ts',
    'core-imports-no-io: packages/core/src/index.ts → packages/scoring/src/index.ts',
    'route-imports-no-store-or-adapter: functions/api/src/health/health-routes.ts → functions/api/src/local/start.ts',
    'route-imports-no-store-or-adapter: functions/api/src/x/x-routes.ts → packages/aws/src/dynamo-x-store.ts',
    'route-imports-no-store-or-adapter: functions/api/src/x/x-routes.ts → packages/core/src/fakes/index.ts',
    'route-imports-no-store-or-adapter: functions/api/src/x/y-routes.ts → packages/aws/src/index.ts',
    'route-imports-no-store-or-adapter: functions/api/src/x/z-routes.ts → packages/aws/src/index.ts',
    'scoring-is-pure: packages/scoring/src/index.ts → fs',
    'scoring-is-pure: packages/scoring/src/index.ts → packages/core/src/index.ts',
  ]

  it('report every forbidden import of a fixture tree, and nothing the rules allow', async () => {
    expect(await violationsOf({ baseDir: fixture })).toEqual(expected)
  })

  it('bite as well when the workspace packages are reported at their symlinked path', async () => {
    const violations = await violationsOf({ baseDir: fixture, overrides: { preserveSymlinks: true } })
    // What is imported by package name is now reported under node_modules; the relative import is not.
    const symlinked = expected.map((line) =>
      line.endsWith('x-routes.ts → packages/aws/src/dynamo-x-store.ts')
        ? line
        : line.replace(/→ packages\/(aws|core|scoring)\//, '→ node_modules/@pingce/$1/'),
    )
    expect(violations).toEqual(symlinked.sort())
    expect(violations.filter((line) => line.includes('node_modules/@pingce/'))).toHaveLength(8)
  })

  it('find nothing in the real tree', async () => {
    expect(await violationsOf({ baseDir: repoRoot })).toEqual([])
  }, 30_000)
})
