/**
 * Entities of privacy (DESIGN.md §3 "Privacy"): each district's data key for personal information, wrapped, and the
 * audit log of unmasked reads of it.
 */
import { Entity } from 'dynamodb-toolbox/entity'
import { item } from 'dynamodb-toolbox/schema/item'
import { string } from 'dynamodb-toolbox/schema/string'
import { any } from 'dynamodb-toolbox/schema/any'
import type { LinliTable } from '../table'
import { keys } from '../keys'

export function makePrivacyEntities(table: LinliTable) {
  /** A district's data key for personal information, as KMS (or the local key) wrapped it. */
  const DataKey = new Entity({
    name: 'DataKey',
    table,
    timestamps: false,
    schema: item({ districtId: string().key(), wrapped: string() }),
    computeKey: ({ districtId }) => ({ pk: keys.dataKey(districtId), sk: keys.dataKeyItem }),
  })

  const AuditEntry = new Entity({
    name: 'AuditEntry',
    table,
    timestamps: false,
    schema: item({
      districtId: string().key(),
      date: string().key(),
      at: string().key(),
      entryId: string().key(),
      userId: string(),
      userName: string(),
      subject: string(),
      ids: any(),
      fields: any(),
      route: string(),
    }),
    computeKey: ({ districtId, date, at, entryId }) => ({ pk: keys.audit(districtId, date), sk: `${at}#${entryId}` }),
  })

  return { DataKey, AuditEntry }
}
