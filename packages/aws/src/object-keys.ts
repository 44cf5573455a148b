import { tenantPartition } from './keys'

/**
 * The one platform object: what the health probe reads. Nothing writes it, so "no such key" is the
 * healthy answer; the function's own role may read this key and no other (infra reads it from here).
 */
export const s3HealthKey = 'platform/health'

/**
 * S3 object keys: `tenants/<tenantId>/<key>`, the prefix the tenant-scoped IAM role is limited to.
 * Relative keys may not climb out of the prefix.
 */
export function tenantObjectKey(options: { tenantId: string; key: string }): string {
  tenantPartition(options.tenantId) // validates the id
  const parts = options.key.split('/')
  if (options.key.startsWith('/') || parts.some((part) => part === '' || part === '.' || part === '..')) {
    throw new Error('invalid object key')
  }
  return `tenants/${options.tenantId}/${options.key}`
}
