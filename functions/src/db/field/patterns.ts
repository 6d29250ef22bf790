/** Field work's Queries, as named access patterns (rule 7: each is a row of ../README.md's table, checked by ../patterns.test.ts). */
import { map } from 'dynamodb-toolbox/schema/map'
import { string } from 'dynamodb-toolbox/schema/string'
import type { Entities } from '../entities'
import { keys } from '../keys'
import { ap } from '../patterns'

/** A time range of a check-in list, either end open. */
const timeRange = (from?: string, to?: string) =>
  from && to
    ? { between: [keys.checkinBound(from, 'from'), keys.checkinBound(to, 'to')] as [string, string] }
    : from
      ? { gte: keys.checkinBound(from, 'from') }
      : to
        ? { lte: keys.checkinBound(to, 'to') }
        : undefined

export function fieldPatterns(e: Entities) {
  return {
    "a day's field work by grid": ap(e)
      .entities(e.FieldDay)
      .schema(map({ districtId: string(), day: string() }))
      .pattern(({ districtId, day }) => ({ partition: keys.fieldDay(districtId, day) }))
      .options({ maxPages: Infinity }),
    'check-ins of a grid': ap(e)
      .entities(e.Checkin)
      .schema(map({ districtId: string(), gridId: string(), from: string().optional(), to: string().optional() }))
      .pattern(({ districtId, gridId, from, to }) => ({ partition: keys.checkinsOfGrid(districtId, gridId), range: timeRange(from, to) }))
      .options({ reverse: true, attributes: ['summary'] }),
    'check-ins of a person': ap(e)
      .entities(e.Checkin)
      .schema(map({ districtId: string(), userId: string(), from: string().optional(), to: string().optional() }))
      .pattern(({ districtId, userId, from, to }) => ({ index: 'gsi1', partition: keys.checkinsOfUser(districtId, userId), range: timeRange(from, to) }))
      .options({ reverse: true, attributes: ['summary'] }),
    'open patrols of a person': ap(e)
      .entities(e.Patrol)
      .schema(map({ districtId: string(), userId: string() }))
      .pattern(({ districtId, userId }) => ({ index: 'gsi1', partition: keys.openPatrols(districtId, userId) })),
    'points of a patrol': ap(e)
      .entities(e.Checkin)
      .schema(map({ districtId: string(), patrolId: string() }))
      .pattern(({ districtId, patrolId }) => ({ index: 'gsi2', partition: keys.patrol(districtId, patrolId) }))
      .options({ maxPages: Infinity, attributes: ['summary'] }),
    'the roster of a grid': ap(e)
      .entities(e.Household)
      .schema(map({ districtId: string(), gridId: string() }))
      .pattern(({ districtId, gridId }) => ({ index: 'gsi1', partition: keys.roster(districtId, gridId) }))
      .options({ attributes: ['summary'] }),
    'households due to visit': ap(e)
      .entities(e.Household, e.HouseholdTag)
      .schema(map({ districtId: string(), gridId: string(), tagKey: string().optional(), dueBy: string().optional() }))
      .pattern(({ districtId, gridId, tagKey, dueBy }) => ({
        index: 'gsi2',
        partition: keys.visitsDue(districtId, gridId, tagKey),
        range: dueBy ? { lte: `${dueBy}~` } : undefined,
      }))
      .options({ attributes: ['summary'] }),
    "a grid's visits in a month": ap(e)
      .entities(e.VisitTally)
      .schema(map({ districtId: string(), gridId: string(), month: string() }))
      .pattern(({ districtId, gridId, month }) => ({ partition: keys.visits(districtId, gridId), range: { beginsWith: `${month}#` } }))
      .options({ maxPages: Infinity }),
    'announcements of a grid': ap(e)
      .entities(e.Announcement)
      .schema(map({ districtId: string(), gridId: string() }))
      .pattern(({ districtId, gridId }) => ({ index: 'gsi1', partition: keys.announcementsOfGrid(districtId, gridId) }))
      .options({ reverse: true, attributes: ['summary'] }),
    'counts of an announcement': ap(e)
      .entities(e.AnnouncementCount, e.GroupCount)
      .schema(map({ districtId: string(), announcementId: string(), counts: string().enum('total', 'groups') }))
      .pattern(({ districtId, announcementId, counts }) => ({
        partition: keys.announcement(districtId, announcementId),
        range: { beginsWith: counts === 'total' ? keys.announcementCountPrefix : keys.announcementGroupPrefix },
      }))
      .options({ maxPages: Infinity }),
    'residents linked in a grid': ap(e)
      .entities(e.HouseholdLink)
      .schema(map({ districtId: string(), gridId: string(), status: string() }))
      .pattern(({ districtId, gridId, status }) => ({ index: 'gsi1', partition: keys.householdLinks(districtId, gridId, status) }))
      .options({ attributes: ['summary'] }),
  }
}
