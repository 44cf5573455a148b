import type { BlobStore } from '../ports/blob-store'

/** The in-memory BlobStore for unit tests. */
export class InMemoryBlobStore implements BlobStore {
  readonly objects = new Map<string, { body: Uint8Array; contentType: string }>()

  async putObject(options: {
    tenantId: string
    key: string
    body: Uint8Array | string
    contentType: string
  }) {
    const body = typeof options.body === 'string' ? new TextEncoder().encode(options.body) : options.body
    this.objects.set(`${options.tenantId}/${options.key}`, { body, contentType: options.contentType })
  }

  async getObject(options: { tenantId: string; key: string }) {
    return this.objects.get(`${options.tenantId}/${options.key}`)
  }

  async presignDownload(options: {
    tenantId: string
    key: string
    expiresInSeconds: number
  }): Promise<string> {
    return `memory://${options.tenantId}/${options.key}?expires=${options.expiresInSeconds}`
  }
}
