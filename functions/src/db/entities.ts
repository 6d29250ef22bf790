/**
 * The single table and the entities of every family (dynamodb-toolbox v2), composed from the families' list
 * (functions/src/families.ts: each family's `storage.entities`). Keys: ./keys.ts; key design and access patterns:
 * ./README.md.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { makeTable, type LinliTable } from './table'
import type { Storage } from '../family'
import type { FamilyEntities } from '../families'

export type Entities = { table: LinliTable } & FamilyEntities

export function makeEntities(documentClient: DynamoDBDocumentClient, tableName: string, families: readonly { storage: Storage }[]): Entities {
  const table = makeTable(documentClient, tableName)
  return Object.assign({ table }, ...families.map((f) => f.storage.entities(table))) as Entities
}
