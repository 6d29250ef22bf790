/** The case loop's Queries, as named access patterns (rule 7: each is a row of ../README.md's table, checked by ../patterns.test.ts). */
import { map } from 'dynamodb-toolbox/schema/map'
import { string } from 'dynamodb-toolbox/schema/string'
import type { Entities } from '../entities'
import { keys } from '../keys'
import { ap } from '../patterns'

/** What a list shows of a case: all the list indexes project of a case item (table-definition.json); gsi1, the nearby index, also projects followerCount. */
export const SUMMARY = [
  'caseId',
  'districtId',
  'number',
  'status',
  'categoryId',
  'categoryName',
  'priority',
  'description',
  'address',
  'gridId',
  'gridName',
  'flagged',
  'resolveBy',
  'createdAt',
  'updatedAt',
  'lat',
  'lng',
] as const

export function casePatterns(e: Entities) {
  return {
    'followers of a case': ap(e)
      .entities(e.Follower)
      .schema(map({ districtId: string(), caseId: string() }))
      .pattern(({ districtId, caseId }) => ({ partition: keys.case(districtId, caseId), range: { beginsWith: keys.followerPrefix } }))
      .options({ consistent: true }),
    'a list page': ap(e)
      .entities(e.CaseView)
      .schema(map({ viewKey: string(), status: string().optional() }))
      .pattern(({ viewKey, status }) => (status ? { index: 'gsi2', partition: keys.view.withStatus(viewKey, status) } : { index: 'gsi1', partition: viewKey }))
      .options({ reverse: true, attributes: ['summary'] }),
    'open cases near a point': ap(e)
      .entities(e.Case)
      .schema(map({ districtId: string(), cell: string(), categoryId: string() }))
      .pattern(({ districtId, cell, categoryId }) => ({ index: 'gsi1', partition: keys.near(districtId, cell, categoryId) }))
      .options({ reverse: true, attributes: [...SUMMARY, 'followerCount'] }),
    "a district's cases in a status, last changed first": ap(e)
      .entities(e.Case)
      .schema(map({ districtId: string(), status: string() }))
      .pattern(({ districtId, status }) => ({ index: 'gsi2', partition: keys.casesByStatus(districtId, status) }))
      .options({ reverse: true, attributes: ['caseId', 'number', 'gridId', 'categoryName', 'lat', 'lng', 'resolveBy'] }),
    "a district's cases by status, changed since": ap(e)
      .entities(e.Case)
      .schema(map({ districtId: string(), status: string(), since: string() }))
      .pattern(({ districtId, status, since }) => ({ index: 'gsi2', partition: keys.casesByStatus(districtId, status), range: { gte: since } }))
      .options({
        attributes: ['caseId', 'gridId', 'createdAt', 'number', 'categoryId', 'categoryName', 'gridName', 'flagged', 'updatedAt', 'lat', 'lng', 'resolveBy'],
      }),
    "a node's rates by day": ap(e)
      .entities(e.RateDay)
      .schema(map({ districtId: string(), level: string(), nodeId: string(), from: string(), to: string() }))
      .pattern(({ districtId, level, nodeId, from, to }) => ({ partition: keys.rates(districtId, level, nodeId), range: { between: [from, to] } }))
      .options({ maxPages: Infinity }),
    "a level's counts in a month": ap(e)
      .entities(e.RateMonth)
      .schema(map({ districtId: string(), level: string(), month: string() }))
      .pattern(({ districtId, level, month }) => ({ partition: keys.ratesMonth(districtId, level, month) }))
      .options({ maxPages: Infinity }),
    "a level's gauges": ap(e)
      .entities(e.Gauge)
      .schema(map({ districtId: string(), level: string() }))
      .pattern(({ districtId, level }) => ({ partition: keys.gauges(districtId, level) }))
      .options({ maxPages: Infinity }),
  }
}
