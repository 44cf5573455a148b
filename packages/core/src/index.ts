export * from './errors'
export type { BlobStore } from './ports/blob-store'
export type { DependencyStatus, HealthProbe } from './ports/health-probe'
export type { TenantDirectory } from './ports/tenant-directory'
export {
  type Tenant,
  TenantIdSchema,
  TenantSchema,
  type TenantTier,
  TenantTierSchema,
} from './tenants/tenant'
