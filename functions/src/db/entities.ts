/**
 * The single table and the entities of every family (dynamodb-toolbox v2), composed. Keys: ./keys.ts; key design
 * and access patterns: ./README.md. A new family adds its entities file and one line here.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { makeTable } from './table'
import { makeIdentityEntities } from './identity/entities'
import { makeDistrictEntities } from './district/entities'
import { makeCaseEntities } from './cases/entities'
import { makeNotifyEntities } from './notify/entities'
import { makeMediationEntities } from './mediation/entities'
import { makeFieldEntities } from './field/entities'
import { makePrivacyEntities } from './privacy/entities'
import { makeAnnouncementEntities } from './field/announcement-entities'
import { makeIdempotencyEntities } from './idempotency/entities'
import { makeModerationEntities } from './moderation/entities'

export function makeEntities(documentClient: DynamoDBDocumentClient, tableName: string) {
  const table = makeTable(documentClient, tableName)
  return {
    table,
    ...makeIdentityEntities(table),
    ...makeDistrictEntities(table),
    ...makeCaseEntities(table),
    ...makeNotifyEntities(table),
    ...makeMediationEntities(table),
    ...makeFieldEntities(table),
    ...makeAnnouncementEntities(table),
    ...makePrivacyEntities(table),
    ...makeIdempotencyEntities(table),
    ...makeModerationEntities(table),
  }
}

export type Entities = ReturnType<typeof makeEntities>
