import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { S3Client } from '@aws-sdk/client-s3'
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import type { AwsClients } from './aws-clients'
import { tenantPartition } from './keys'

/**
 * Clients whose credentials reach one tenant's data only. Every tenant store asks for its clients
 * here with the tenant of the request, so the IAM boundary and the code boundary are the same call.
 */
export interface TenantScopedClients {
  forTenant(tenantId: string): Promise<{ doc: DynamoDBDocumentClient; s3: S3Client }>
}

/**
 * Locally there is no IAM: DynamoDB Local and s3rver accept any credentials, so every tenant gets
 * the shared clients. Isolation locally rests on the keys module and the tests that try to cross.
 */
export function sharedTenantClients(clients: AwsClients): TenantScopedClients {
  return {
    forTenant: async (tenantId) => {
      tenantPartition(tenantId)
      return { doc: clients.doc, s3: clients.s3 }
    },
  }
}

const refreshMarginMs = 60_000

/**
 * In AWS: the token vending machine. The function's role assumes the tenant-access role with the
 * session tag `TenantId`, whose policy allows DynamoDB only on `TENANT#${aws:PrincipalTag/TenantId}`
 * and S3 only under `tenants/${aws:PrincipalTag/TenantId}/`. Credentials are cached per tenant
 * until a minute before they expire.
 */
export function stsTenantClients(options: {
  sts?: STSClient
  roleArn: string
  region: string
  now?: () => number
}): TenantScopedClients {
  const now = options.now ?? Date.now
  const sts = options.sts ?? new STSClient({ region: options.region })
  const cache = new Map<
    string,
    { expiresAt: number; clients: Promise<{ doc: DynamoDBDocumentClient; s3: S3Client }> }
  >()
  const assume = async (tenantId: string) => {
    const result = await sts.send(
      new AssumeRoleCommand({
        RoleArn: options.roleArn,
        RoleSessionName: `tenant-${tenantId}`,
        DurationSeconds: 900,
        Tags: [{ Key: 'TenantId', Value: tenantId }],
      }),
    )
    const credentials = result.Credentials
    if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.SessionToken) {
      throw new Error('AssumeRole returned no credentials')
    }
    const scoped = {
      accessKeyId: credentials.AccessKeyId,
      secretAccessKey: credentials.SecretAccessKey,
      sessionToken: credentials.SessionToken,
    }
    const dynamo = new DynamoDBClient({ region: options.region, credentials: scoped })
    return {
      expiresAt: credentials.Expiration?.getTime() ?? now() + 900_000,
      clients: {
        doc: DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } }),
        s3: new S3Client({ region: options.region, credentials: scoped }),
      },
    }
  }
  return {
    forTenant: async (tenantId) => {
      tenantPartition(tenantId)
      const cached = cache.get(tenantId)
      if (cached && cached.expiresAt - refreshMarginMs > now()) return cached.clients
      const pending = assume(tenantId)
      const entry = {
        expiresAt: Number.POSITIVE_INFINITY,
        clients: pending.then((assumed) => assumed.clients),
      }
      cache.set(tenantId, entry)
      try {
        entry.expiresAt = (await pending).expiresAt
      } catch (error) {
        cache.delete(tenantId)
        throw error
      }
      return entry.clients
    },
  }
}
