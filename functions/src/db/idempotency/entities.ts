/** The one idempotency record of every keyed write: which request a key answered, and what it answered. */
import { Entity } from 'dynamodb-toolbox/entity'
import { item } from 'dynamodb-toolbox/schema/item'
import { string } from 'dynamodb-toolbox/schema/string'
import { number } from 'dynamodb-toolbox/schema/number'
import { record } from 'dynamodb-toolbox/schema/record'
import type { LinliTable } from '../table'
import { keys } from '../keys'

export function makeIdempotencyEntities(table: LinliTable) {
  const IdempotencyKey = new Entity({
    name: 'IdempotencyKey',
    table,
    timestamps: false,
    schema: item({
      districtId: string().key(),
      userId: string().key(),
      key: string().key(),
      /** The write the key was used for (a route's scope: `cases.submit`, `bookings.create` …). */
      scope: string().key(),
      requestHash: string(),
      /** What the first call made (the ids its answer is read back from). */
      answer: record(string(), string()),
      ttl: number(),
    }),
    computeKey: ({ districtId, userId, key, scope }) => ({ pk: keys.idempotency(districtId, userId, key), sk: keys.idempotencyItem(scope) }),
  })
  return { IdempotencyKey }
}
