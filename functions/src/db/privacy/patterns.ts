/** The audit log's Query, as named access patterns (rule 7: each is a row of ../README.md's table, checked by ../patterns.test.ts). */
import { map } from 'dynamodb-toolbox/schema/map'
import { string } from 'dynamodb-toolbox/schema/string'
import type { Entities } from '../entities'
import { keys } from '../keys'
import { ap } from '../patterns'

export function privacyPatterns(e: Entities) {
  return {
    'the audit log of a day': ap(e)
      .entities(e.AuditEntry)
      .schema(map({ districtId: string(), date: string() }))
      .pattern(({ districtId, date }) => ({ partition: keys.audit(districtId, date) }))
      .options({ reverse: true }),
  }
}
