import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Match, type Template } from 'aws-cdk-lib/assertions'
import { beforeAll, describe, expect, it } from 'vitest'
import { publicRoutes } from '../lib/api/pingce-http-api'
import { logicalIdOf, type SynthesizedPingce, synthPingce } from './synth-pingce'

let synthesized: SynthesizedPingce
let template: Template

beforeAll(() => {
  synthesized = synthPingce({ isBundling: true })
  template = synthesized.template
})

describe('API function', () => {
  it('runs the newest Node.js runtime on arm64 with 1024 MB, 29 s, X-Ray active', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 1024,
      Timeout: 29,
      TracingConfig: { Mode: 'Active' },
      Handler: 'index.handler',
      LoggingConfig: { LogGroup: { Ref: logicalIdOf(synthesized.stack.api.logGroup) } },
    })
  })

  it('gets the configuration the app reads, Cognito mode, and the tenant role', () => {
    const { stack } = synthesized
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: {
          PINGCE_TABLE_NAME: { Ref: logicalIdOf(stack.data.table) },
          PINGCE_BUCKET_NAME: { Ref: logicalIdOf(stack.storage.bucket) },
          PINGCE_AUTH_MODE: 'cognito',
          PINGCE_COGNITO_USER_POOL_ID: { Ref: logicalIdOf(stack.identity.userPool) },
          PINGCE_COGNITO_CLIENT_ID: { Ref: logicalIdOf(stack.identity.webClient) },
          PINGCE_TENANT_ROLE_ARN: { 'Fn::GetAtt': [logicalIdOf(stack.tenantAccess.role), 'Arn'] },
          LOG_LEVEL: 'info',
          NODE_OPTIONS: '--enable-source-maps',
        },
      },
    })
  })

  it('is bundled as minified ESM with a require shim, a source map, and the AWS SDK left to the runtime', () => {
    const assetDirs = readdirSync(synthesized.outdir).filter((name) => name.startsWith('asset.'))
    const bundleDir = assetDirs.find((dir) =>
      readdirSync(join(synthesized.outdir, dir)).includes('index.mjs'),
    )
    expect(bundleDir).toBeDefined()
    const dir = join(synthesized.outdir, bundleDir ?? '')
    expect(readdirSync(dir)).toContain('index.mjs.map')
    const code = readFileSync(join(dir, 'index.mjs'), 'utf8')
    const banner = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);"
    expect(code.slice(0, banner.length)).toBe(banner)
    expect(/from\s*"@aws-sdk\/client-dynamodb"/.test(code)).toBe(true)
    // Minified: a 1–2 MB bundle on a few thousand lines at most (template literals keep their newlines).
    expect(code.split('\n').length).toBeLessThan(code.length / 200)
  })

  it('writes its logs to a log group kept for a year', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 })
    const { api, http } = synthesized.stack
    for (const logGroup of [api.logGroup, http.accessLogGroup]) {
      const resource = template.toJSON().Resources[logicalIdOf(logGroup)]
      expect(resource.Properties.RetentionInDays).toBe(365)
    }
  })

  it('has a role with no AWS managed policy', () => {
    const role = template.toJSON().Resources[logicalIdOf(synthesized.stack.api.executionRole)]
    expect(role.Properties.ManagedPolicyArns).toBeUndefined()
  })
})

describe('HTTP API', () => {
  type Route = { RouteKey: string; AuthorizationType?: string; AuthorizerId?: unknown }
  let routes: Route[]

  beforeAll(() => {
    routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map(
      (resource) => resource.Properties as Route,
    )
  })

  it('puts every path not listed as public behind the Cognito JWT authorizer', () => {
    const authorizerIds = Object.keys(template.findResources('AWS::ApiGatewayV2::Authorizer'))
    expect(authorizerIds).toHaveLength(1)
    const proxy = routes.find((route) => route.RouteKey === 'ANY /{proxy+}')
    expect(proxy?.AuthorizationType).toBe('JWT')
    expect(proxy?.AuthorizerId).toEqual({ Ref: authorizerIds[0] })
  })

  it('leaves exactly the public routes without an authorizer', () => {
    const open = routes.filter((route) => route.AuthorizationType === 'NONE' || !route.AuthorizationType)
    expect(open.map((route) => route.RouteKey).sort()).toEqual(
      publicRoutes.map(({ method, path }) => `${method} ${path}`).sort(),
    )
    for (const key of [
      'GET /health',
      'GET /openapi.json',
      'GET /docs',
      'POST /auth/{proxy+}',
      'POST /signup',
    ]) {
      expect(open.map((route) => route.RouteKey)).toContain(key)
    }
    expect(routes).toHaveLength(publicRoutes.length + 1)
  })

  it('verifies Cognito ID tokens: issuer of the pool, audience of the web client', () => {
    const { identity } = synthesized.stack
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: logicalIdOf(identity.webClient) }],
        Issuer: {
          'Fn::Join': [
            '',
            [
              'https://cognito-idp.ap-southeast-1.',
              { Ref: 'AWS::URLSuffix' },
              '/',
              { Ref: logicalIdOf(identity.userPool) },
            ],
          ],
        },
      },
    })
  })

  it('proxies to the function with payload format 2.0', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
    })
  })

  it('throttles and writes JSON access logs on the default stage', () => {
    const stage = template.toJSON().Resources[logicalIdOf(synthesized.stack.http.stage)].Properties
    expect(stage.StageName).toBe('$default')
    expect(stage.AutoDeploy).toBe(true)
    expect(stage.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 })
    expect(stage.AccessLogSettings.DestinationArn).toEqual({
      'Fn::GetAtt': [logicalIdOf(synthesized.stack.http.accessLogGroup), 'Arn'],
    })
    expect(JSON.parse(stage.AccessLogSettings.Format)).toMatchObject({ requestId: '$context.requestId' })
  })

  it('answers CORS preflights', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({
        AllowOrigins: ['*'],
        AllowHeaders: Match.arrayWith(['authorization', 'content-type']),
      }),
    })
  })

  it('outputs the API URL, table, bucket, user pool and client', () => {
    const outputs = Object.keys(template.toJSON().Outputs)
    expect(outputs).toEqual(
      expect.arrayContaining(['ApiUrl', 'TableName', 'BucketName', 'UserPoolId', 'UserPoolClientId']),
    )
  })
})
