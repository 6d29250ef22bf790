import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { Table } from 'dynamodb-toolbox/table'

/** The single table: pk/sk plus two generic GSIs (see README.md). */
export function makeTable(documentClient: DynamoDBDocumentClient, tableName: string) {
  return new Table({
    name: tableName,
    documentClient,
    partitionKey: { name: 'pk', type: 'string' },
    sortKey: { name: 'sk', type: 'string' },
    indexes: {
      gsi1: { type: 'global', partitionKey: { name: 'gsi1pk', type: 'string' }, sortKey: { name: 'gsi1sk', type: 'string' } },
      gsi2: { type: 'global', partitionKey: { name: 'gsi2pk', type: 'string' }, sortKey: { name: 'gsi2sk', type: 'string' } },
    },
  })
}

export type LinliTable = ReturnType<typeof makeTable>
