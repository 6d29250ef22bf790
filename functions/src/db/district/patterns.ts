/** The district catalogue's Query, as named access patterns (rule 7: each is a row of ../README.md's table, checked by ../patterns.test.ts). */
import { map } from 'dynamodb-toolbox/schema/map'
import { string } from 'dynamodb-toolbox/schema/string'
import type { Entities } from '../entities'
import { keys } from '../keys'
import { ap } from '../patterns'

export function districtPatterns(e: Entities) {
  return {
    'district catalogue': ap(e)
      .entities(e.District, e.GridNode, e.Department, e.Room, e.CategoryClass, e.Category)
      .schema(map({ districtId: string() }))
      .pattern(({ districtId }) => ({ partition: keys.catalogue(districtId) }))
      .options({ maxPages: Infinity, showEntityAttr: true }),
  }
}
