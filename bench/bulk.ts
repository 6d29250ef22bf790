/** Fills the table with case list entries of many other residents, fast (BatchWrite), for the items-read figure. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'

export async function bulkCaseViews(env: Record<string, string>, count: number, offset: number) {
  const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }))
  const at = new Date().toISOString()
  const item = (i: number) => {
    const viewKey = `MINE#bench-user-${i % 5000}`
    const sort = `${at}#bulk${i}`
    return { pk: `CASE#bulk${i}`, sk: `VIEW#${viewKey}`, _et: 'CaseView', caseId: `bulk${i}`, viewKey, summary: { caseId: `bulk${i}`, status: 'submitted' }, gsi1pk: viewKey, gsi1sk: sort, gsi2pk: `${viewKey}#submitted`, gsi2sk: sort }
  }
  const batches: number[][] = []
  for (let i = 0; i < count; i += 25) batches.push(Array.from({ length: Math.min(25, count - i) }, (_, j) => offset + i + j))
  const worker = async () => {
    for (let b = batches.shift(); b; b = batches.shift()) {
      let requests = b.map((i) => ({ PutRequest: { Item: item(i) } }))
      while (requests.length) {
        const out = await doc.send(new BatchWriteCommand({ RequestItems: { [env.TABLE_NAME!]: requests } }))
        requests = (out.UnprocessedItems?.[env.TABLE_NAME!] ?? []) as typeof requests
      }
    }
  }
  await Promise.all(Array.from({ length: 4 }, worker))
  doc.destroy()
}
