import { tableDefinition } from '@pingce/aws/table-definition'
import { RemovalPolicy } from 'aws-cdk-lib'
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb'
import { Construct } from 'constructs'

/**
 * The one DynamoDB table, declared from the same `tableDefinition` the local stack creates its
 * table from, so key names, indexes and TTL cannot drift between AWS and local.
 */
export class PingceTable extends Construct {
  readonly table: Table
  /** Index ARNs one by one (no `index/*` wildcard), for least-privilege policies. */
  readonly indexArns: string[]

  constructor(scope: Construct, id: string) {
    super(scope, id)
    const def = tableDefinition
    this.table = new Table(this, 'Table', {
      partitionKey: { name: def.partitionKey, type: AttributeType.STRING },
      sortKey: { name: def.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      timeToLiveAttribute: def.timeToLiveAttribute,
    })
    for (const index of def.globalIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      })
    }
    this.indexArns = def.globalIndexes.map((index) => `${this.table.tableArn}/index/${index.indexName}`)
  }
}
