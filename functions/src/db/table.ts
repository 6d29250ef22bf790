import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { Table } from 'dynamodb-toolbox/table'

/** The single table: pk/sk plus three generic GSIs (see README.md). */
export function makeTable(documentClient: DynamoDBDocumentClient, tableName: string) {
  return new Table({
    name: tableName,
    documentClient,
    partitionKey: { name: 'pk', type: 'string' },
    sortKey: { name: 'sk', type: 'string' },
    indexes: {
      gsi1: { type: 'global', partitionKey: { name: 'gsi1pk', type: 'string' }, sortKey: { name: 'gsi1sk', type: 'string' } },
      gsi2: { type: 'global', partitionKey: { name: 'gsi2pk', type: 'string' }, sortKey: { name: 'gsi2sk', type: 'string' } },
      /** The due index (keys.due): sparse, sharded by day and key. */
      gsi3: { type: 'global', partitionKey: { name: 'gsi3pk', type: 'string' }, sortKey: { name: 'gsi3sk', type: 'string' } },
    },
  })
}

export type LinliTable = ReturnType<typeof makeTable>
