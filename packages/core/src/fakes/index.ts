export { InMemoryBlobStore } from './in-memory-blob-store'
export { InMemoryTenantDirectory } from './in-memory-tenant-directory'
