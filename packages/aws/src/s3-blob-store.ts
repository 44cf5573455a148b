import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import type { BlobStore } from '@pingce/core'
import { tenantObjectKey } from './object-keys'

/** Reports and attachments in S3, always under `tenants/<tenantId>/`. */
export class S3BlobStore implements BlobStore {
  readonly #s3: S3Client
  readonly #bucket: string

  constructor(options: { s3: S3Client; bucketName: string }) {
    this.#s3 = options.s3
    this.#bucket = options.bucketName
  }

  async putObject(options: {
    tenantId: string
    key: string
    body: Uint8Array | string
    contentType: string
  }): Promise<void> {
    await this.#s3.send(
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
    try {
      const result = await this.#s3.send(
        new GetObjectCommand({ Bucket: this.#bucket, Key: tenantObjectKey(options) }),
      )
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
    return getSignedUrl(
      this.#s3,
      new GetObjectCommand({ Bucket: this.#bucket, Key: tenantObjectKey(options) }),
      {
        expiresIn: options.expiresInSeconds,
      },
    )
  }
}
