/**
 * Bulk loading for the bench (a table of 100,000 cases): BatchWrite of the same items the repository writes, four
 * workers at a time. Not used on any request path.
 */
import { BatchWriteCommand, execute } from 'dynamodb-toolbox/table/actions/batchWrite'
import { BatchPutRequest } from 'dynamodb-toolbox/entity/actions/batchPut'
import { makeDocumentClient, makeDynamoClient, type DbConnection } from '../client'
import { makeEntities } from '../entities'
import { keys } from '../keys'
import { chunks } from '../transact'
import { caseItem } from './repo'
import type { CaseRecord, TimelineRecord } from '../../services/cases/ports'

/** `count` entries on the "mine" lists of 5,000 made-up residents of `districtId`, numbered from `offset`. */
export async function bulkCaseEntries(c: DbConnection, districtId: string, count: number, offset: number): Promise<void> {
  const e = makeEntities(makeDocumentClient(makeDynamoClient(c)), c.tableName)
  const at = new Date().toISOString()
  const item = (i: number) => {
    const viewKey = keys.view.mine(districtId, `bench-user-${i % 5000}`)
    const sort = keys.changed(at, `bulk${i}`)
    const summary = { caseId: `bulk${i}`, status: 'submitted' }
    return e.CaseView.build(BatchPutRequest).item({ districtId, caseId: `bulk${i}`, viewKey, version: 1, summary, gsi1pk: viewKey, gsi1sk: sort, gsi2pk: keys.view.withStatus(viewKey, 'submitted'), gsi2sk: sort })
  }
  const batches = chunks(Array.from({ length: count }, (_, i) => offset + i), 25)
  const worker = async () => {
    for (let b = batches.shift(); b; b = batches.shift()) await execute({ maxAttempts: 20 }, e.table.build(BatchWriteCommand).requests(...b.map(item)))
  }
  await Promise.all(Array.from({ length: 4 }, worker))
}

/**
 * `count` case items like `template` (new ids, numbered from `offset`), with their timeline; `dueAt(i)` places case i
 * on the due index (or not). For the bench's sweep over a large table.
 */
export async function bulkCases(c: DbConnection, template: CaseRecord, timeline: TimelineRecord[], count: number, offset: number, dueAt: (i: number) => string | undefined): Promise<void> {
  const e = makeEntities(makeDocumentClient(makeDynamoClient(c)), c.tableName)
  const item = (i: number) => e.Case.build(BatchPutRequest).item({ ...caseItem({ ...template, caseId: `bulkcase${i}`, dueAt: dueAt(i) }), timeline })
  const batches = chunks(Array.from({ length: count }, (_, i) => offset + i), 25)
  const worker = async () => {
    for (let b = batches.shift(); b; b = batches.shift()) await execute({ maxAttempts: 20 }, e.table.build(BatchWriteCommand).requests(...b.map(item)))
  }
  await Promise.all(Array.from({ length: 4 }, worker))
}
