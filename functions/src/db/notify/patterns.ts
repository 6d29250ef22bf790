/** The notices' Queries, as named access patterns (rule 7: each is a row of ../README.md's table, checked by ../patterns.test.ts). */
import { map } from 'dynamodb-toolbox/schema/map'
import { string } from 'dynamodb-toolbox/schema/string'
import type { Entities } from '../entities'
import { keys } from '../keys'
import { ap } from '../patterns'

export function notifyPatterns(e: Entities) {
  return {
    'grants of a user': ap(e)
      .entities(e.Subscription)
      .schema(map({ userId: string() }))
      .pattern(({ userId }) => ({ partition: keys.user(userId), range: { beginsWith: keys.subscriptions() } }))
      .options({ consistent: true }),
    'notices of a subject': ap(e)
      .entities(e.Notice)
      .schema(map({ districtId: string(), kind: string(), id: string() }))
      .pattern(({ districtId, kind, id }) => ({ partition: keys.outbox(districtId, kind, id), range: { beginsWith: keys.noticePrefix } })),
  }
}
