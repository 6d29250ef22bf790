/**
 * The database, assembled: every family's repository over one table (the families' list, functions/src/families.ts,
 * calls this with itself). The only door from services to DynamoDB.
 */
import { makeDocumentClient, makeDynamoClient, type DbConnection } from './client'
import { makeEntities } from './entities'
import { dueSubjectsOf, makeDueRepo } from './due-repo'
import type { Storage } from '../family'
import type { Repos } from '../services/deps'

export function makeRepos(c: DbConnection, families: readonly { storage: Storage }[]): Repos {
  const entities = makeEntities(makeDocumentClient(makeDynamoClient(c)), c.tableName, families)
  return Object.assign({ due: makeDueRepo(entities, dueSubjectsOf(families)) }, ...families.map((f) => f.storage.repos?.(entities) ?? {}))
}

export { ensureTable } from './create-table'
export type { DbConnection } from './client'
export type { Repos } from '../services/deps'
export { bulkCaseEntries, bulkCases } from './cases/bulk'
