import { GetObjectCommand, NoSuchKey, PutObjectCommand } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import type { BlobStore } from '@pingce/core'
import { tenantObjectKey } from './object-keys'
import type { TenantScopedClients } from './tenant-scoped-clients'

/**
 * Reports and attachments in S3, always under `tenants/<tenantId>/`, through the tenant's scoped
 * client: in AWS its credentials reach that prefix only.
 */
export class S3BlobStore implements BlobStore {
  readonly #clients: TenantScopedClients
  readonly #bucket: string

  constructor(options: { clients: TenantScopedClients; bucketName: string }) {
    this.#clients = options.clients
    this.#bucket = options.bucketName
  }

  async putObject(options: {
    tenantId: string
    key: string
    body: Uint8Array | string
    contentType: string
  }): Promise<void> {
    const { s3 } = await this.#clients.forTenant(options.tenantId)
    await s3.send(
      new PutObjectCommand({
        Bucket: this.#bucket,
        Key: tenantObjectKey(options),
        Body: options.body,
        ContentType: options.contentType,
      }),
    )
  }

  async getObject(options: {
    tenantId: string
    key: string
  }): Promise<{ body: Uint8Array; contentType: string } | undefined> {
    const key = tenantObjectKey(options)
    const { s3 } = await this.#clients.forTenant(options.tenantId)
    try {
      const result = await s3.send(new GetObjectCommand({ Bucket: this.#bucket, Key: key }))
      if (!result.Body) return undefined
      return {
        body: await result.Body.transformToByteArray(),
        contentType: result.ContentType ?? 'application/octet-stream',
      }
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined
      throw error
    }
  }

  async presignDownload(options: {
    tenantId: string
    key: string
    expiresInSeconds: number
  }): Promise<string> {
    const key = tenantObjectKey(options)
    const { s3 } = await this.#clients.forTenant(options.tenantId)
    return getSignedUrl(s3, new GetObjectCommand({ Bucket: this.#bucket, Key: key }), {
      expiresIn: options.expiresInSeconds,
    })
  }
}
