export { InMemoryBlobStore } from './in-memory-blob-store'
export { InMemoryCredentialStore } from './in-memory-credential-store'
export { InMemoryTenantDirectory } from './in-memory-tenant-directory'
export { InMemoryUserStore } from './in-memory-user-store'
