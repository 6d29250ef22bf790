/**
 * Bulk loading for the bench (tables of 100,000 cases, 10,000 bookings): BatchWrite of the items `item(e, i)` makes
 * for i = 0 … count−1, 25 a batch, four workers at a time. Not used on any request path.
 */
import { BatchWriteCommand, execute } from 'dynamodb-toolbox/table/actions/batchWrite'
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { makeDocumentClient, makeDynamoClient, type DbConnection } from './client'
import { makeTable, type LinliTable } from './table'
import { chunks, eachAtMost } from '@linli/shared'

type WriteRequest = Parameters<BatchWriteCommand['requests']>[number]

/** Writes `count` items of the entities `entities` makes (a family's own, on the one table). */
export async function bulkWrite<E extends object>(
  c: DbConnection,
  count: number,
  entities: (table: LinliTable) => E,
  item: (e: E & { table: LinliTable }, i: number) => WriteRequest,
): Promise<void> {
  const table = makeTable(makeDocumentClient(makeDynamoClient(c)), c.tableName)
  const e = { ...entities(table), table }
  const batches = chunks(
    Array.from({ length: count }, (_, i) => i),
    25,
  )
  await eachAtMost(batches, 4, (b) => execute({ maxAttempts: 20 }, e.table.build(BatchWriteCommand).requests(...b.map((i) => item(e, i)))))
}

/**
 * The bench's bare transaction: `puts` items under `key` in one TransactWriteItems, made straight — DynamoDB Local's
 * floor for a transaction of that size at that moment, beside what our code's transactions take.
 */
export function transactionProbe(c: DbConnection): (key: string, puts: number) => Promise<unknown> {
  const documents = makeDocumentClient(makeDynamoClient(c))
  const ttl = () => Math.floor(Date.now() / 1000) + 3600
  return (key, puts) =>
    documents.send(
      new TransactWriteCommand({
        TransactItems: Array.from({ length: puts }, (_, k) => ({ Put: { TableName: c.tableName, Item: { pk: `BENCH#${key}`, sk: `${k}`, ttl: ttl() } } })),
      }),
    )
}
