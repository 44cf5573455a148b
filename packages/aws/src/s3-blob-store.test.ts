import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { mockClient } from 'aws-sdk-client-mock'
import { beforeEach, describe, expect, it } from 'vitest'
import { S3BlobStore } from './s3-blob-store'

const s3 = new S3Client({ region: 'cn-north-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } })
const s3Mock = mockClient(s3)
const store = new S3BlobStore({
  clients: { forTenant: async () => ({ s3, doc: undefined as never }) },
  bucketName: 'pingce-reports',
})

describe('S3BlobStore', () => {
  beforeEach(() => s3Mock.reset())

  it('writes under the tenant prefix with the content type', async () => {
    s3Mock.on(PutObjectCommand).resolves({})
    await store.putObject({
      tenantId: 'kaifeng',
      key: 'reports/2020.docx',
      body: 'x',
      contentType: 'text/plain',
    })
    expect(s3Mock.commandCalls(PutObjectCommand)[0]?.args[0].input).toMatchObject({
      Bucket: 'pingce-reports',
      Key: 'tenants/kaifeng/reports/2020.docx',
      ContentType: 'text/plain',
    })
  })

  it('refuses keys that would leave the tenant prefix', async () => {
    await expect(
      store.putObject({ tenantId: 'kaifeng', key: '../zhengzhou/a', body: 'x', contentType: 'a/b' }),
    ).rejects.toThrow('invalid object key')
    await expect(store.getObject({ tenantId: 'kaifeng', key: '/etc/passwd' })).rejects.toThrow(
      'invalid object key',
    )
    await expect(store.getObject({ tenantId: 'Kai#feng', key: 'a' })).rejects.toThrow('invalid tenant id')
    expect(s3Mock.calls()).toHaveLength(0)
  })

  it('answers undefined for a missing object', async () => {
    s3Mock.on(GetObjectCommand).rejects(new NoSuchKey({ message: 'missing', $metadata: {} }))
    expect(await store.getObject({ tenantId: 'kaifeng', key: 'nothing.txt' })).toBeUndefined()
  })

  it('presigns a GET for the tenant-prefixed key', async () => {
    const url = await store.presignDownload({
      tenantId: 'kaifeng',
      key: 'reports/a.docx',
      expiresInSeconds: 300,
    })
    expect(url).toContain('/tenants/kaifeng/reports/a.docx')
    expect(url).toContain('X-Amz-Expires=300')
  })
})
