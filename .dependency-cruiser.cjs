// The dependency rule of ARCHITECTURE.md, checked by the test command (scripts/test.sh) and by
// scripts/dependency-rules.test.ts. 依赖规则：由测试命令检查。
//
// Workspace packages are reached through pnpm's symlinks (node_modules/@pingce/aws → packages/aws).
// With preserveSymlinks false a dependency is reported at its real path (packages/aws/src/...); the
// patterns below also match the symlinked path and the bare name, so a rule cannot be dodged by
// whichever form the resolver reports.

/** A module path of one of the workspace's packages, whichever form the resolver reports it in. */
const workspacePackage = (name) =>
  `^(packages/${name}/|node_modules/@pingce/${name}(/|$)|@pingce/${name}(/|$))`

const awsAdapters = workspacePackage('aws')
const localStack = workspacePackage('local-stack')
const coreFakes = '^(packages/core/src/fakes/|node_modules/@pingce/core/src/fakes/|@pingce/core/fakes$)'
// npm packages resolve into pnpm's store, node_modules/.pnpm/<name>@<version>/node_modules/<name>/...
const awsSdk = '((^|/)node_modules/@(aws-sdk|smithy)/|^@(aws-sdk|smithy)/)'
const hono = '((^|/)node_modules/(hono|@hono/[^/]+)/|^hono(/|$)|^@hono/)'
/** A store or adapter by its file name: DynamoDB, S3 and the in-memory fakes. */
const storeFileName = '(^|/)(dynamo|s3|in-memory)-[^/]+$'
const testFile = '\\.test\\.ts$'

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'route-imports-no-store-or-adapter',
      severity: 'error',
      comment:
        '路由文件只校验输入、调用用例、组织响应，不得导入存储或适配器（@pingce/aws、@pingce/local-stack、@pingce/core/fakes、dependencies.ts、local/、dynamo-/s3-/in-memory- 文件）。' +
        ' A route file validates, calls a use case and shapes the response: it must not import a store or an adapter ' +
        '(@pingce/aws, @pingce/local-stack, @pingce/core/fakes, dependencies.ts, local/, dynamo-/s3-/in-memory- files).',
      from: {
        path: [
          '^functions/api/src/.+-routes\\.ts$',
          '^functions/api/src/health[^/]*\\.ts$',
          '^functions/api/src/.*/health[^/]*\\.ts$',
        ],
        pathNot: testFile,
      },
      to: {
        path: [
          awsAdapters,
          localStack,
          coreFakes,
          '^functions/api/src/dependencies\\.ts$',
          '^functions/api/src/local/',
          storeFileName,
        ],
      },
    },
    {
      name: 'adapters-only-in-composition-roots',
      severity: 'error',
      comment:
        'functions/api/src 中只有组合根（dependencies.ts、local/、lambda.ts、index.ts）可以导入 @pingce/aws 或 @pingce/local-stack。' +
        ' In functions/api/src only the composition roots (dependencies.ts, local/, lambda.ts, index.ts) ' +
        'may import @pingce/aws or @pingce/local-stack.',
      from: {
        path: '^functions/api/src/',
        pathNot: '^functions/api/src/(dependencies\\.ts|local/|lambda\\.ts|index\\.ts)',
      },
      to: { path: [awsAdapters, localStack] },
    },
    {
      name: 'scoring-is-pure',
      severity: 'error',
      comment:
        '评分引擎是纯计算：不得导入 AWS SDK、hono、@pingce/aws、@pingce/local-stack、node:fs/net/http 或其他工作区包。' +
        ' The scoring engine is pure: no AWS SDK, hono, @pingce/aws, @pingce/local-stack, node:fs/net/http, ' +
        'nor any workspace package but itself.',
      from: { path: '^packages/scoring/src/', pathNot: testFile },
      to: {
        path: [
          awsSdk,
          hono,
          awsAdapters,
          localStack,
          '^(node:)?(fs|net|http)(/|$)',
          '^(packages/|node_modules/@pingce/|@pingce/)(?!scoring(/|$))',
          '^functions/',
        ],
      },
    },
    {
      name: 'core-imports-no-io',
      severity: 'error',
      comment:
        '核心领域（不含 fakes 与测试）不得导入 AWS SDK、hono、@pingce/aws、@pingce/local-stack、@pingce/scoring。' +
        ' The core domain (its fakes and tests excepted) must not import the AWS SDK, hono, @pingce/aws, ' +
        '@pingce/local-stack or @pingce/scoring.',
      from: { path: '^packages/core/src/', pathNot: ['^packages/core/src/fakes/', testFile] },
      to: { path: [awsSdk, hono, awsAdapters, localStack, workspacePackage('scoring')] },
    },
    {
      name: 'api-has-no-cycles',
      severity: 'error',
      comment: 'functions/api/src 内不得有循环依赖。 No circular dependencies inside functions/api/src.',
      from: { path: '^functions/api/src/' },
      to: { circular: true, viaOnly: { path: '^functions/api/src/' } },
    },
  ],
  options: {
    // Type-only imports count too: a route that imports a store's type still depends on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    preserveSymlinks: false,
    doNotFollow: { path: 'node_modules' },
    // The repository's own build output and data, not npm packages' dist folders.
    exclude: { path: ['^(infra/)?cdk\\.out/', '^(functions|packages)/[^/]+/dist/', '^\\.data/'] },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
      mainFields: ['module', 'main', 'types'],
    },
    skipAnalysisNotInRules: true,
  },
}
