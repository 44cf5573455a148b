import { Duration, Stack, Validations } from 'aws-cdk-lib'
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway'
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  type HttpRoute,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2'
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers'
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations'
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito'
import type { IFunction } from 'aws-cdk-lib/aws-lambda'
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs'
import { Construct } from 'constructs'

/**
 * Routes that answer without a token: the app registers them before its authenticate middleware.
 * Everything else goes through `ANY /{proxy+}` behind the JWT authorizer.
 */
export const publicRoutes: ReadonlyArray<{ method: HttpMethod; path: string }> = [
  { method: HttpMethod.GET, path: '/' },
  { method: HttpMethod.GET, path: '/health' },
  { method: HttpMethod.GET, path: '/health/live' },
  { method: HttpMethod.GET, path: '/openapi.json' },
  { method: HttpMethod.GET, path: '/docs' },
  { method: HttpMethod.POST, path: '/auth/{proxy+}' },
  { method: HttpMethod.POST, path: '/signup' },
]

export interface PingceHttpApiProps {
  handler: IFunction
  userPool: IUserPool
  userPoolClient: IUserPoolClient
  /** CORS origins; the web page is served by the API itself, so other origins are the exception. */
  allowedOrigins: string[]
  accessLogRetention?: RetentionDays
}

/** The HTTP API (API Gateway v2): Lambda proxy, Cognito JWT authorizer, throttling, access logs. */
export class PingceHttpApi extends Construct {
  readonly httpApi: HttpApi
  readonly stage: HttpStage
  readonly authorizer: HttpJwtAuthorizer
  readonly accessLogGroup: LogGroup
  readonly url: string

  constructor(scope: Construct, id: string, props: PingceHttpApiProps) {
    super(scope, id)
    const stack = Stack.of(this)
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Pingce 评测 API',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: props.allowedOrigins,
        allowMethods: [CorsHttpMethod.ANY],
        allowHeaders: ['authorization', 'content-type', 'x-request-id'],
        exposeHeaders: ['x-request-id', 'retry-after'],
        maxAge: Duration.hours(1),
      },
    })

    this.accessLogGroup = new LogGroup(this, 'AccessLogs', {
      retention: props.accessLogRetention ?? RetentionDays.ONE_YEAR,
    })
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 100, burstLimit: 200 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogGroup),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            userAgent: '$context.identity.userAgent',
          }),
        ),
      },
    })
    this.url = this.stage.url

    // The issuer is built with the partition's URL suffix (amazonaws.com.cn in China regions);
    // the user-pool authorizer class assumes amazonaws.com. The audience is the web client: the
    // API hands out ID tokens, whose `aud` is the client id.
    this.authorizer = new HttpJwtAuthorizer(
      'CognitoAuthorizer',
      `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${props.userPool.userPoolId}`,
      {
        jwtAudience: [props.userPoolClient.userPoolClientId],
        identitySource: ['$request.header.Authorization'],
      },
    )

    const integration = new HttpLambdaIntegration('Lambda', props.handler)
    this.httpApi.addRoutes({
      path: '/{proxy+}',
      methods: [HttpMethod.ANY],
      integration,
      authorizer: this.authorizer,
    })
    const openRoutes: HttpRoute[] = publicRoutes.flatMap(({ method, path }) =>
      this.httpApi.addRoutes({ path, methods: [method], integration }),
    )
    for (const route of openRoutes) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'Public by design: health, the API document, the web page, sign-in (POST /auth/token) and city sign-up (POST /signup), which the app rate-limits; every other route needs a Cognito JWT.',
      })
    }
  }
}
