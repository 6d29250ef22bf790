/** District administration's Query, as a named access pattern (rule 7: a row of ../README.md's table, checked by ../patterns.test.ts). */
import { map } from 'dynamodb-toolbox/schema/map'
import { string } from 'dynamodb-toolbox/schema/string'
import type { Entities } from '../entities'
import { keys } from '../keys'
import { ap } from '../patterns'

export function adminPatterns(e: Entities) {
  return {
    "a day's admin changes": ap(e)
      .entities(e.AdminChange)
      .schema(map({ districtId: string(), date: string() }))
      .pattern(({ districtId, date }) => ({ partition: keys.adminChanges(districtId, date) }))
      .options({ reverse: true }),
  }
}
