import {
  GetObjectCommand,
  type GetObjectCommandOutput,
  HeadBucketCommand,
  NoSuchBucket,
  NoSuchKey,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3'
import { mockClient } from 'aws-sdk-client-mock'
import { beforeEach, describe, expect, it } from 'vitest'
import { s3HealthKey, s3HealthProbe } from './health-probes'

const client = new S3Client({ region: 'ap-southeast-1' })
const s3 = mockClient(client)
const probe = s3HealthProbe({ s3: client, bucketName: 'pingce-reports' })
const $metadata = {}

function s3Error(name: string, httpStatusCode: number): S3ServiceException {
  return new S3ServiceException({ name, $fault: 'client', $metadata: { httpStatusCode } })
}

describe('s3HealthProbe', () => {
  beforeEach(() => s3.reset())

  it('reads one fixed key under platform/, never the bucket itself', async () => {
    // Prepare
    s3.on(GetObjectCommand).rejects(
      new NoSuchKey({ message: 'The specified key does not exist.', $metadata }),
    )
    // Act
    await probe.check()
    // Assess
    expect(s3HealthKey).toBe('platform/health')
    expect(s3.commandCalls(GetObjectCommand).map((call) => call.args[0].input)).toEqual([
      { Bucket: 'pingce-reports', Key: 'platform/health', Range: 'bytes=0-0' },
    ])
    expect(s3.commandCalls(HeadBucketCommand)).toHaveLength(0)
  })

  it('is ok when the key is missing: S3 answered our credentials for our bucket', async () => {
    s3.on(GetObjectCommand).rejects(
      new NoSuchKey({ message: 'The specified key does not exist.', $metadata }),
    )
    expect(await probe.check()).toMatchObject({ name: 's3', ok: true })
  })

  it('is ok when the key exists, and reads at most one byte of it', async () => {
    const body = { transformToByteArray: async () => new Uint8Array([1]) }
    s3.on(GetObjectCommand).resolves({ Body: body } as unknown as GetObjectCommandOutput)
    expect(await probe.check()).toMatchObject({ name: 's3', ok: true })
  })

  it('is ok when the key exists and is empty (InvalidRange)', async () => {
    s3.on(GetObjectCommand).rejects(s3Error('InvalidRange', 416))
    expect(await probe.check()).toMatchObject({ name: 's3', ok: true })
  })

  it.each([
    ['NoSuchBucket', new NoSuchBucket({ message: 'The specified bucket does not exist', $metadata })],
    ['AccessDenied', s3Error('AccessDenied', 403)],
    ['ExpiredToken', s3Error('ExpiredToken', 400)],
  ])('is not ok on %s', async (name, error) => {
    s3.on(GetObjectCommand).rejects(error)
    expect(await probe.check()).toMatchObject({ name: 's3', ok: false, reason: name })
  })
})
