/** Identity's Queries, as named access patterns (rule 7: each is a row of ../README.md's table, checked by ../patterns.test.ts). */
import { map } from 'dynamodb-toolbox/schema/map'
import { string } from 'dynamodb-toolbox/schema/string'
import type { Entities } from '../entities'
import { keys } from '../keys'
import { ap } from '../patterns'

export function identityPatterns(e: Entities) {
  return {
    'user with roles': ap(e)
      .entities(e.User, e.RoleBinding)
      .schema(map({ userId: string() }))
      .pattern(({ userId }) => ({ partition: keys.user(userId) }))
      .options({ maxPages: Infinity, showEntityAttr: true, consistent: true }),
    'holders of a role in a scope': ap(e)
      .entities(e.RoleBinding)
      .schema(map({ districtId: string(), scopeId: string(), role: string() }))
      .pattern(({ districtId, scopeId, role }) => ({
        index: 'gsi1',
        partition: keys.scopeHolders(districtId, scopeId),
        range: { beginsWith: keys.scopeRole(role) },
      }))
      .options({ attributes: ['userId', 'userName'] }),
  }
}
