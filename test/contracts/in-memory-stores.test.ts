import { createInMemoryStores, InMemoryCredentialStore, InMemoryTenantDirectory } from '@pingce/core/fakes'
import { describeAuditLogContract } from './audit-log-contract'
import { describeCredentialStoreContract } from './credential-store-contract'
import { describeEvaluationStoreContract } from './evaluation-store-contract'
import { describeOrgStoreContract } from './org-store-contract'
import { describeResultStoreContract } from './result-store-contract'
import { describeSchemeStoreContract } from './scheme-store-contract'
import { describeScoreImportContract } from './score-import-contract'
import { describeScoreStoreContract } from './score-store-contract'
import { describeTenantDirectoryContract } from './tenant-directory-contract'
import { describeUserStoreContract } from './user-store-contract'

/*
 * The in-memory fakes against the port contracts; dynamo-stores.test.ts runs the same cases on
 * DynamoDB Local. Two cases run on the DynamoDB side only, because the fakes offer no way to set
 * them up: a snapshot stored corrupt (the in-memory ResultStore parses every snapshot when it is
 * published, so it never holds one that does not parse) and a writer between the chunks of an
 * import (the in-memory import has no await between reading and writing, so nothing can interleave).
 */

const stores = async () => createInMemoryStores()

describeAuditLogContract('InMemoryAuditLog', stores)
describeEvaluationStoreContract('InMemoryEvaluationStore', stores)
describeResultStoreContract('InMemoryResultStore', stores)
describeScoreStoreContract('InMemoryScoreStore', stores)
describeScoreImportContract('InMemoryScoreStore', stores)
describeOrgStoreContract('InMemoryOrgStore', stores)
describeSchemeStoreContract('InMemorySchemeStore', stores)
describeUserStoreContract('InMemoryUserStore', stores)
describeTenantDirectoryContract('InMemoryTenantDirectory', async () => ({
  tenants: new InMemoryTenantDirectory(),
}))
describeCredentialStoreContract('InMemoryCredentialStore', async () => ({
  credentials: new InMemoryCredentialStore(),
}))
