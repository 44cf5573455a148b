import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib'
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3'
import { Construct } from 'constructs'

/**
 * The bucket for generated reports (circulars, score sheets) and uploaded attachments. Objects
 * live under `tenants/<tenantId>/`, the prefix the tenant-scoped role is limited to. Server access
 * logs go to a separate log bucket.
 */
export class ReportsBucket extends Construct {
  readonly bucket: Bucket
  readonly accessLogBucket: Bucket

  constructor(scope: Construct, id: string) {
    super(scope, id)
    this.accessLogBucket = new Bucket(this, 'AccessLogs', {
      // S3 server access log delivery supports SSE-S3 only on the target bucket.
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(400) }],
    })
    Validations.of(this.accessLogBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This is the server access log bucket itself; logging its own access would recurse. The reports bucket logs here.',
    })

    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'reports/',
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: 'expire-noncurrent-versions',
          noncurrentVersionExpiration: Duration.days(90),
          noncurrentVersionsToRetain: 3,
        },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
    })
  }
}
