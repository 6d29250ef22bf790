/** Interop's Query, as a named access pattern (rule 7: a row of ../README.md's table, checked by ../patterns.test.ts). */
import { map } from 'dynamodb-toolbox/schema/map'
import { string } from 'dynamodb-toolbox/schema/string'
import type { Entities } from '../entities'
import { keys } from '../keys'
import { ap } from '../patterns'

export function interopPatterns(e: Entities) {
  return {
    "a district's partners": ap(e)
      .entities(e.Partner)
      .schema(map({ districtId: string() }))
      .pattern(({ districtId }) => ({ partition: keys.partners(districtId), range: { beginsWith: keys.partnerPrefix } }))
      .options({ maxPages: 1 }),
  }
}
