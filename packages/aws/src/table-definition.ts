/**
 * The one DynamoDB table, described once. The local stack creates it from this description and the
 * CDK stack declares it from the same description, so the two cannot drift apart.
 * Keys are tenant-first: every tenant item's partition key starts with `TENANT#<tenantId>`, which is
 * what the IAM `dynamodb:LeadingKeys` condition of the tenant-scoped role matches.
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLiveAttribute: 'expiresAt',
  globalIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
} as const

export type TableDefinition = typeof tableDefinition
