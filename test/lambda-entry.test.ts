import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestStorage } from './support/local-storage'

function httpApiEvent(options: { method: string; path: string; body?: string }): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: options.path,
    rawQueryString: '',
    headers: { host: 'abc123.execute-api.cn-north-1.amazonaws.com.cn', 'content-type': 'application/json' },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.cn-north-1.amazonaws.com.cn',
      domainPrefix: 'abc123',
      http: {
        method: options.method,
        path: options.path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'vitest',
      },
      requestId: 'req-lambda-1',
      routeKey: '$default',
      stage: '$default',
      time: '23/Nov/2026:08:00:00 +0000',
      timeEpoch: 1_795_420_800_000,
    },
    isBase64Encoded: false,
    ...(options.body ? { body: options.body } : {}),
  }
}

const context = { awsRequestId: 'lambda-ctx-1', functionName: 'pingce-api' } as Context

describe('the Lambda entry', () => {
  let handler: (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>

  beforeAll(async () => {
    const storage = await createTestStorage()
    // The entry reads its configuration from the environment once, at import, as on a cold start.
    Object.assign(process.env, {
      PINGCE_TABLE_NAME: storage.tableName,
      PINGCE_BUCKET_NAME: storage.bucketName,
      PINGCE_DYNAMODB_ENDPOINT: storage.dynamoEndpoint,
      PINGCE_S3_ENDPOINT: storage.s3Endpoint,
      AWS_REGION: 'cn-north-1',
      LOG_LEVEL: 'silent',
      PINGCE_TOKEN_SECRET: 'lambda-test-secret-of-at-least-32-chars',
    })
    ;({ handler } = (await import('@pingce/api/lambda')) as unknown as { handler: typeof handler })
  })

  it('answers an API Gateway v2 GET /health event with 200', async () => {
    const result = (await handler(httpApiEvent({ method: 'GET', path: '/health' }), context)) as {
      statusCode: number
      headers: Record<string, string>
      body: string
    }
    expect(result.statusCode).toBe(200)
    expect(result.headers['x-request-id']).toBeTruthy()
    expect(JSON.parse(result.body)).toMatchObject({
      status: 'ok',
      dependencies: [{ ok: true }, { ok: true }],
    })
  })

  it('answers an anonymous call of a private route with the one error format', async () => {
    const result = (await handler(httpApiEvent({ method: 'GET', path: '/nowhere' }), context)) as {
      statusCode: number
      body: string
    }
    expect(result.statusCode).toBe(401)
    expect(JSON.parse(result.body)).toMatchObject({ error: { status: 401, code: 'UNAUTHORIZED' } })
    expect(result.body).not.toMatch(/at .*\.ts/)
  })
})
