/** Generated reports and attachments. Every object lives under its tenant's prefix. */
export interface BlobStore {
  putObject(options: {
    tenantId: string
    key: string
    body: Uint8Array | string
    contentType: string
  }): Promise<void>
  getObject(options: {
    tenantId: string
    key: string
  }): Promise<{ body: Uint8Array; contentType: string } | undefined>
  /** A time-limited URL to download the object without credentials. */
  presignDownload(options: { tenantId: string; key: string; expiresInSeconds: number }): Promise<string>
}
