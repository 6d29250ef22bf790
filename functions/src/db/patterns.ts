/**
 * Every Query the repositories make, as a named dynamodb-toolbox AccessPattern (DESIGN.md rule 7): an input schema,
 * the key condition it builds, default options, and a title that names its row in ./README.md (checked by
 * patterns.test.ts). GetItem, PutItem and transactions are single-item reads and writes and are named in the README.
 */
import { AccessPattern } from 'dynamodb-toolbox/table/actions/accessPattern'
import { map } from 'dynamodb-toolbox/schema/map'
import { string } from 'dynamodb-toolbox/schema/string'
import type { Entities } from './entities'
import { keys } from './keys'

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
/** What the due index projects: whole notices and outbox steps, and which case is due. */
export const DUE_ATTRIBUTES = [
  'districtId',
  'subjectKind',
  'subjectId',
  'noticeId',
  'eventId',
  'event',
  'recipientId',
  'recipientName',
  'templateKey',
  'fields',
  'state',
  'attempts',
  'lastErrcode',
  'lastError',
  'createdAt',
  'sentAt',
  'type',
  'payload',
  'cursor',
  'caseId',
  'bookingId',
] as const

/** A time range of a check-in list, either end open. */
const timeRange = (from?: string, to?: string) =>
  from && to
    ? { between: [keys.checkinBound(from, 'from'), keys.checkinBound(to, 'to')] as [string, string] }
    : from
      ? { gte: keys.checkinBound(from, 'from') }
      : to
        ? { lte: keys.checkinBound(to, 'to') }
        : undefined

export function makePatterns(e: Entities) {
  const ap = () => e.table.build(AccessPattern)
  return {
    'district catalogue': ap()
      .entities(e.District, e.GridNode, e.Department, e.Room, e.CategoryClass, e.Category)
      .schema(map({ districtId: string() }))
      .pattern(({ districtId }) => ({ partition: keys.catalogue(districtId) }))
      .options({ maxPages: Infinity, showEntityAttr: true }),
    'user with roles': ap()
      .entities(e.User, e.RoleBinding)
      .schema(map({ userId: string() }))
      .pattern(({ userId }) => ({ partition: keys.user(userId) }))
      .options({ maxPages: Infinity, showEntityAttr: true, consistent: true }),
    'holders of a role in a scope': ap()
      .entities(e.RoleBinding)
      .schema(map({ districtId: string(), scopeId: string(), role: string() }))
      .pattern(({ districtId, scopeId, role }) => ({
        index: 'gsi1',
        partition: keys.scopeHolders(districtId, scopeId),
        range: { beginsWith: keys.scopeRole(role) },
      }))
      .options({ attributes: ['userId', 'userName'] }),
    'grants of a user': ap()
      .entities(e.Subscription)
      .schema(map({ userId: string() }))
      .pattern(({ userId }) => ({ partition: keys.user(userId), range: { beginsWith: keys.subscriptions() } }))
      .options({ consistent: true }),
    'followers of a case': ap()
      .entities(e.Follower)
      .schema(map({ districtId: string(), caseId: string() }))
      .pattern(({ districtId, caseId }) => ({ partition: keys.case(districtId, caseId), range: { beginsWith: keys.followerPrefix } }))
      .options({ consistent: true }),
    'a list page': ap()
      .entities(e.CaseView)
      .schema(map({ viewKey: string(), status: string().optional() }))
      .pattern(({ viewKey, status }) => (status ? { index: 'gsi2', partition: keys.view.withStatus(viewKey, status) } : { index: 'gsi1', partition: viewKey }))
      .options({ reverse: true, attributes: ['summary'] }),
    'open cases near a point': ap()
      .entities(e.Case)
      .schema(map({ districtId: string(), cell: string(), categoryId: string() }))
      .pattern(({ districtId, cell, categoryId }) => ({ index: 'gsi1', partition: keys.near(districtId, cell, categoryId) }))
      .options({ reverse: true, attributes: [...SUMMARY, 'followerCount'] }),
    'rules of a room': ap()
      .entities(e.AvailabilityRule)
      .schema(map({ districtId: string(), roomId: string(), mediatorId: string().optional() }))
      .pattern(({ districtId, roomId, mediatorId }) => ({
        partition: keys.roomCalendar(districtId, roomId),
        range: { beginsWith: keys.rulePrefix(mediatorId) },
      }))
      .options({ maxPages: Infinity }),
    "a room's calendar": ap()
      .entities(e.AvailabilityException, e.SlotClaim)
      .schema(map({ districtId: string(), roomId: string(), from: string(), to: string() }))
      .pattern(({ districtId, roomId, from, to }) => ({
        partition: keys.roomCalendar(districtId, roomId),
        range: { between: [keys.calendarDay(from), `${keys.calendarDay(to)}~`] },
      }))
      .options({ maxPages: Infinity, showEntityAttr: true }),
    'bookings of a person': ap()
      .entities(e.Booking, e.BookingView)
      .schema(map({ listKey: string(), index: string().enum('gsi1', 'gsi2'), when: string().enum('upcoming', 'past'), now: string() }))
      .pattern(({ listKey, index, when, now }) => ({ index, partition: listKey, range: when === 'upcoming' ? { gte: now } : { lt: now } }))
      .options({ attributes: ['summary'] }),
    "a node's rates by day": ap()
      .entities(e.RateDay)
      .schema(map({ districtId: string(), level: string(), nodeId: string(), from: string(), to: string() }))
      .pattern(({ districtId, level, nodeId, from, to }) => ({ partition: keys.rates(districtId, level, nodeId), range: { between: [from, to] } }))
      .options({ maxPages: Infinity }),
    'check-ins of a grid': ap()
      .entities(e.Checkin)
      .schema(map({ districtId: string(), gridId: string(), from: string().optional(), to: string().optional() }))
      .pattern(({ districtId, gridId, from, to }) => ({ partition: keys.checkinsOfGrid(districtId, gridId), range: timeRange(from, to) }))
      .options({ reverse: true, attributes: ['summary'] }),
    'check-ins of a person': ap()
      .entities(e.Checkin)
      .schema(map({ districtId: string(), userId: string(), from: string().optional(), to: string().optional() }))
      .pattern(({ districtId, userId, from, to }) => ({ index: 'gsi1', partition: keys.checkinsOfUser(districtId, userId), range: timeRange(from, to) }))
      .options({ reverse: true, attributes: ['summary'] }),
    'points of a patrol': ap()
      .entities(e.Checkin)
      .schema(map({ districtId: string(), patrolId: string() }))
      .pattern(({ districtId, patrolId }) => ({ index: 'gsi2', partition: keys.patrol(districtId, patrolId) }))
      .options({ maxPages: Infinity, attributes: ['summary'] }),
    'the roster of a grid': ap()
      .entities(e.Household)
      .schema(map({ districtId: string(), gridId: string() }))
      .pattern(({ districtId, gridId }) => ({ index: 'gsi1', partition: keys.roster(districtId, gridId) }))
      .options({ attributes: ['summary'] }),
    'households due to visit': ap()
      .entities(e.Household, e.HouseholdTag)
      .schema(map({ districtId: string(), gridId: string(), tagKey: string().optional(), dueBy: string().optional() }))
      .pattern(({ districtId, gridId, tagKey, dueBy }) => ({
        index: 'gsi2',
        partition: keys.visitsDue(districtId, gridId, tagKey),
        range: dueBy ? { lte: `${dueBy}~` } : undefined,
      }))
      .options({ attributes: ['summary'] }),
    "a grid's visits in a month": ap()
      .entities(e.VisitTally)
      .schema(map({ districtId: string(), gridId: string(), month: string() }))
      .pattern(({ districtId, gridId, month }) => ({ partition: keys.visits(districtId, gridId), range: { beginsWith: `${month}#` } }))
      .options({ maxPages: Infinity }),
    'announcements of a grid': ap()
      .entities(e.Announcement)
      .schema(map({ districtId: string(), gridId: string() }))
      .pattern(({ districtId, gridId }) => ({ index: 'gsi1', partition: keys.announcementsOfGrid(districtId, gridId) }))
      .options({ reverse: true, attributes: ['summary'] }),
    'counts of an announcement': ap()
      .entities(e.AnnouncementCount, e.GroupCount)
      .schema(map({ districtId: string(), announcementId: string(), counts: string().enum('total', 'groups') }))
      .pattern(({ districtId, announcementId, counts }) => ({
        partition: keys.announcement(districtId, announcementId),
        range: { beginsWith: counts === 'total' ? keys.announcementCountPrefix : keys.announcementGroupPrefix },
      }))
      .options({ maxPages: Infinity }),
    'residents linked in a grid': ap()
      .entities(e.HouseholdLink)
      .schema(map({ districtId: string(), gridId: string(), status: string() }))
      .pattern(({ districtId, gridId, status }) => ({ index: 'gsi1', partition: keys.householdLinks(districtId, gridId, status) }))
      .options({ attributes: ['summary'] }),
    'the audit log of a day': ap()
      .entities(e.AuditEntry)
      .schema(map({ districtId: string(), date: string() }))
      .pattern(({ districtId, date }) => ({ partition: keys.audit(districtId, date) }))
      .options({ reverse: true }),
    'notices of a subject': ap()
      .entities(e.Notice)
      .schema(map({ districtId: string(), kind: string(), id: string() }))
      .pattern(({ districtId, kind, id }) => ({ partition: keys.outbox(districtId, kind, id), range: { beginsWith: keys.noticePrefix } })),
    'due now': ap()
      .entities(e.Case, e.Notice, e.OutboxEvent, e.Booking)
      .schema(map({ partition: string(), now: string() }))
      .pattern(({ partition, now }) => ({ index: 'gsi3', partition, range: { lte: keys.dueUpTo(now) } }))
      .options({ showEntityAttr: true, attributes: [...DUE_ATTRIBUTES] }),
  }
}

export type Patterns = ReturnType<typeof makePatterns>
