/** Entities of interop: a district's Open311 partners, each with the hash of its api_key (never the key). */
import { Entity } from 'dynamodb-toolbox/entity'
import { item } from 'dynamodb-toolbox/schema/item'
import { string } from 'dynamodb-toolbox/schema/string'
import type { LinliTable } from '../table'
import { keys } from '../keys'

export function makeInteropEntities(table: LinliTable) {
  const Partner = new Entity({
    name: 'Partner',
    table,
    timestamps: false,
    schema: item({
      districtId: string().key(),
      partnerId: string().key(),
      name: string(),
      keyHash: string(),
      /** The key's last four characters: how an admin tells keys apart. */
      keyHint: string(),
      createdAt: string(),
      createdBy: string(),
      revokedAt: string().optional(),
      revokedBy: string().optional(),
    }),
    computeKey: ({ districtId, partnerId }) => ({ pk: keys.partners(districtId), sk: keys.partner(partnerId) }),
  })
  return { Partner }
}
