/**
 * The ONLY place key formats live (DESIGN.md §4). Every key of tenant data starts with its district, so two
 * districts may reuse the same ids (`dept-water`, `g-liuan-1`) and never meet. Identity (a user and what hangs on
 * the user: bindings, consents) is keyed by the user id, which is an HMAC of the openid and names one person
 * everywhere; the due index is keyed by time, sharded, and read by jobs that serve every district at once.
 */
import { createHash } from 'node:crypto'

const tenant = (districtId: string, ...parts: string[]) => [districtId, ...parts].join('#')

export const keys = {
  /** The district's reference data: one partition (district, tree, departments, rooms, taxonomy). */
  catalogue: (districtId: string) => tenant(districtId, 'CATALOGUE'),
  catalogueItem: {
    district: 'META',
    node: (id: string) => `NODE#${id}`,
    department: (id: string) => `DEPT#${id}`,
    room: (id: string) => `ROOM#${id}`,
    categoryClass: (id: string) => `CATCLASS#${id}`,
    category: (id: string) => `CAT#${id}`,
  },

  user: (userId: string) => `USER#${userId}`,
  userProfile: 'PROFILE',
  roleBinding: (role: string, scopeId: string) => `ROLE#${role}#${scopeId}`,
  subscription: (templateKey: string) => `SUB#${templateKey}`,
  subscriptions: () => 'SUB#',
  /** gsi1: who holds a role in a scope of a district (the officials of a department). */
  scopeHolders: (districtId: string, scopeId: string) => tenant(districtId, 'SCOPE', scopeId),
  scopeHolder: (role: string, userId: string) => `${role}#${userId}`,
  scopeRole: (role: string) => `${role}#`,

  invite: (districtId: string, code: string) => tenant(districtId, 'INVITE', code),
  /** A user's attempts at a rate-limited action in one window (e.g. invite codes in one hour). */
  attempts: (userId: string, action: string, window: string) => `ATTEMPTS#${userId}#${action}#${window}`,
  attemptsItem: 'ATTEMPTS',

  case: (districtId: string, caseId: string) => tenant(districtId, 'CASE', caseId),
  caseItem: 'CASE',
  caseView: (viewKey: string) => `VIEW#${viewKey}`,
  follower: (userId: string) => `FOLLOW#${userId}`,
  followerPrefix: 'FOLLOW#',
  /** The lists a case appears in (gsi1 = list, gsi2 = list#status). */
  view: {
    mine: (districtId: string, userId: string) => tenant(districtId, 'MINE', userId),
    grid: (districtId: string, gridId: string) => tenant(districtId, 'GRID', gridId),
    queue: (districtId: string, nodeId: string) => tenant(districtId, 'QUEUE', nodeId),
    assigned: (districtId: string, userId: string) => tenant(districtId, 'ASSIGNED', userId),
    /** A level's cases the clock marked (超时预警), most urgent first: see `urgency`. */
    warned: (districtId: string, nodeId: string) => tenant(districtId, 'WARNED', nodeId),
    withStatus: (viewKey: string, status: string) => `${viewKey}#${status}`,
  },
  /** Open cases of one category in one geohash-6 cell (gsi1, the case item itself). */
  near: (districtId: string, cell: string, categoryId: string) => tenant(districtId, 'NEAR', cell, categoryId),
  /** The district's cases by status (gsi2, the case item itself). */
  casesByStatus: (districtId: string, status: string) => tenant(districtId, 'CASES', status),
  /**
   * The warned list's sort key, read newest-first like every list: 红牌 (overdue) before 黄牌 (warn), then the
   * nearest deadline first.
   */
  urgency: (overdue: boolean, deadline: string, caseId: string) =>
    `${overdue ? 1 : 0}#${String(1e13 - new Date(deadline).getTime()).padStart(13, '0')}#${caseId}`,
  /** A sort key by time (`<ISO time>#<id>`): cases by their last change; check-ins, patrol points, households. */
  changed: (at: string, id: string) => `${at}#${id}`,

  /** A pending media check, found by the trace id WeChat's push carries (the push names no district). */
  mediaCheck: (traceId: string) => `MEDIACHECK#${traceId}`,
  mediaCheckItem: 'MEDIACHECK',
  counter: (districtId: string, name: string) => tenant(districtId, 'COUNTER', name),
  counterItem: 'COUNTER',
  /** The last emergency of a category in a grid: a second report soon after joins it instead of calling the officials again. */
  urgent: (districtId: string, gridId: string, categoryId: string) => tenant(districtId, 'URGENT', gridId, categoryId),
  urgentItem: 'URGENT',
  /** 三率: a day's counts of one level's node (a street, a grid, a department …), sorted by China date. */
  rates: (districtId: string, level: string, nodeId: string) => tenant(districtId, 'RATES', level, nodeId),
  /** That an outbox event's counts were added (so a step run twice counts once). */
  /** 三率 by month: every node of one level in one China month (YYYY-MM), sorted by node — a ranking is one Query. */
  ratesMonth: (districtId: string, level: string, month: string) => tenant(districtId, 'RATESMONTH', level, month),
  /** 在办 and 超期 now: every node of one level, sorted by node — the map's colours are one Query. */
  gauges: (districtId: string, level: string) => tenant(districtId, 'GAUGE', level),
  ratesMark: (districtId: string, eventId: string) => tenant(districtId, 'RATESMARK', eventId),
  ratesMarkItem: 'RATESMARK',
  idempotency: (districtId: string, userId: string, key: string) => tenant(districtId, 'IDEMP', userId, key),
  /** The record of one Idempotency-Key for one kind of write (its scope). */
  idempotencyItem: (scope: string) => `IDEMP#${scope}`,

  /** A mediator's public profile (brand, specialties, record). */
  mediator: (districtId: string, userId: string) => tenant(districtId, 'MEDIATOR', userId),
  mediatorItem: 'PROFILE',
  /**
   * A room's calendar: the mediators' weekly rules (`RULE#<mediator>#<n>`), and by China date the exceptions
   * (`CAL#<date>#EXC#<id>`) and the slots bookings hold (`CAL#<date>#SLOT#<HH:mm>#<mediator>`): one Query of a date
   * range reads both.
   */
  roomCalendar: (districtId: string, roomId: string) => tenant(districtId, 'ROOMCAL', roomId),
  rule: (mediatorId: string, n: number) => `RULE#${mediatorId}#${String(n).padStart(2, '0')}`,
  rulePrefix: (mediatorId?: string) => (mediatorId ? `RULE#${mediatorId}#` : 'RULE#'),
  calendarDay: (date: string) => `CAL#${date}#`,
  exception: (date: string, id: string) => `CAL#${date}#EXC#${id}`,
  slotClaim: (date: string, time: string, mediatorId: string) => `CAL#${date}#SLOT#${time}#${mediatorId}`,
  booking: (districtId: string, bookingId: string) => tenant(districtId, 'BOOKING', bookingId),
  bookingItem: 'BOOKING',
  /** The lists a booking is on: its requester's (gsi1) and its mediator's (gsi2), sorted by the session's start. */
  bookingsOf: {
    requester: (districtId: string, userId: string) => tenant(districtId, 'BOOKINGS', 'USER', userId),
    mediator: (districtId: string, userId: string) => tenant(districtId, 'BOOKINGS', 'MEDIATOR', userId),
  },
  bookingSort: (start: string, id: string) => `${start}#${id}`,
  /** The respondent's entry of a booking (their list is gsi1 like a requester's). */
  bookingView: (userId: string) => `VIEW#${userId}`,
  bookingInvite: (districtId: string, code: string) => tenant(districtId, 'BOOKINGINVITE', code),
  bookingInviteItem: 'INVITE',
  /** How many upcoming bookings a resident holds (the limit is kept by a condition on this counter). */
  upcomingBookings: (districtId: string, userId: string) => tenant(districtId, 'PARTY', userId),
  upcomingItem: 'UPCOMING',

  /**
   * Field work. A grid's check-ins are one partition sorted by the server's time (the grid leader's list); each is
   * also on its author's list (gsi1) and, for a patrol point, on its patrol's route sorted by capture time (gsi2).
   */
  checkinsOfGrid: (districtId: string, gridId: string) => tenant(districtId, 'CHECKINS', 'GRID', gridId),
  checkinsOfUser: (districtId: string, userId: string) => tenant(districtId, 'CHECKINS', 'USER', userId),
  /** A time bound of a check-in list (sort keys are `changed`'s). */
  checkinBound: (at: string, end: 'from' | 'to') => (end === 'from' ? at : `${at}~`),
  patrol: (districtId: string, patrolId: string) => tenant(districtId, 'PATROL', patrolId),
  patrolItem: 'PATROL',
  /** A person's open patrols (gsi1 of the patrol while it is open: ending it removes it), by start. */
  openPatrols: (districtId: string, userId: string) => tenant(districtId, 'PATROLS', 'OPEN', userId),

  /**
   * A household of the roster with its care-tag entries in one partition: the roster of a grid (gsi1, by entry),
   * the grid's due-to-visit list (gsi2, by next due date) and, per tag entry, the tag's own due list (gsi2).
   */
  household: (districtId: string, householdId: string) => tenant(districtId, 'HOUSEHOLD', householdId),
  householdItem: 'HOUSEHOLD',
  householdTag: (tagKey: string) => `TAG#${tagKey}`,
  roster: (districtId: string, gridId: string) => tenant(districtId, 'HOUSEHOLDS', gridId),
  visitsDue: (districtId: string, gridId: string, tagKey?: string) =>
    tagKey ? tenant(districtId, 'VISITDUE', gridId, tagKey) : tenant(districtId, 'VISITDUE', gridId),
  /** 走访覆盖: a gridworker's visits in one China month in one grid (`<yyyy-mm>#<user>`), ADDed to by each visit. */
  visits: (districtId: string, gridId: string) => tenant(districtId, 'VISITS', gridId),
  visitsOf: (month: string, userId: string) => `${month}#${userId}`,
  /** A district's mediation by China day (bookings made, sessions held, agreements), sorted by date. */
  mediationDays: (districtId: string) => tenant(districtId, 'MEDIATIONDAYS'),
  /** A district's command-centre rules (weights, minimum, grade rules). */
  /** Interop: a district's Open311 partners (their api_keys' hashes), one partition. */
  partners: (districtId: string) => tenant(districtId, 'PARTNERS'),
  partner: (partnerId: string) => `PARTNER#${partnerId}`,
  partnerPrefix: 'PARTNER#',
  commandSettings: (districtId: string) => tenant(districtId, 'COMMAND'),
  commandSettingsItem: 'SETTINGS',
  /** A China day's field work, one item per grid that had any (the command centre's "grids patrolled today"). */
  fieldDay: (districtId: string, day: string) => tenant(districtId, 'FIELDDAY', day),
  /** A resident's link to a household (one per resident), on its grid's list of pending or linked residents (gsi1). */
  householdLink: (districtId: string, userId: string) => tenant(districtId, 'HLINK', userId),
  householdLinkItem: 'LINK',
  householdLinks: (districtId: string, gridId: string, status: string) => tenant(districtId, 'HLINKS', gridId, status),
  /** How many residents are linked to a household (in the household's partition). */
  householdMembersItem: 'MEMBERS',

  /**
   * A notice of a grid (通知公告) on the grid's list (gsi1), and in its partition who read it (one item per reader),
   * who opened it from which group, how each household stands, and its counts — sharded, so concurrent readers do
   * not all write one item.
   */
  announcement: (districtId: string, id: string) => tenant(districtId, 'ANNOUNCEMENT', id),
  announcementItem: 'ANNOUNCEMENT',
  announcementsOfGrid: (districtId: string, gridId: string) => tenant(districtId, 'ANNOUNCEMENTS', gridId),
  announcementRead: (userId: string) => `READ#${userId}`,
  announcementGroupRead: (opengid: string, userId: string) => `GROUPREAD#${opengid}#${userId}`,
  announcementHousehold: (householdId: string) => `HOUSEHOLD#${householdId}`,
  announcementCount: (shard: number) => `COUNT#${shard}`,
  announcementCountPrefix: 'COUNT#',
  announcementGroup: (opengid: string, shard: number) => `GROUP#${opengid}#${shard}`,
  announcementGroupPrefix: 'GROUP#',
  /** A WeChat group (by its opengid) bound to a grid. */
  wechatGroup: (districtId: string, opengid: string) => tenant(districtId, 'WXGROUP', opengid),
  wechatGroupItem: 'GROUP',

  /** The audit log of unmasked reads of personal information, one partition per district and China date. */
  audit: (districtId: string, date: string) => tenant(districtId, 'AUDIT', date),
  /** The log of a day's admin changes to a district's reference data (China date). */
  adminChanges: (districtId: string, date: string) => tenant(districtId, 'CHANGES', date),
  /** A district's data key for personal information, wrapped (functions/src/adapters/pii.ts). */
  dataKey: (districtId: string) => tenant(districtId, 'PIIKEY'),
  dataKeyItem: 'KEY',

  /** The outbox of one subject (a case, a booking, an announcement): its events and its notices. */
  outbox: (districtId: string, kind: string, id: string) => tenant(districtId, 'OUTBOX', kind, id),
  outboxEvent: (eventId: string) => `EVENT#${eventId}`,
  notice: (noticeId: string) => `NOTICE#${noticeId}`,
  noticePrefix: 'NOTICE#',

  /**
   * The due index (gsi3): everything that must happen at a time, keyed by the UTC day it is due and a shard of the
   * item's key (so no partition takes every district's traffic), sorted by the due time.
   */
  due: (dueAt: string, itemKey: string) => ({ gsi3pk: duePartition(dueAt, shardOf(itemKey)), gsi3sk: `${dueAt}#${itemKey}` }),
  /** The due index's partition of one UTC day and shard. */
  duePartition: (atIso: string, shard: number) => duePartition(atIso, shard),
  dueUpTo: (now: string) => `${now}~`,
}

export const DUE_SHARDS = 4
/** Shards of a notice's counts: a reader's writes go to one of them, by the reader's id. */
export const COUNT_SHARDS = 8
export const countShardOf = (userId: string) => createHash('md5').update(userId).digest()[0]! % COUNT_SHARDS
const duePartition = (atIso: string, shard: number) => `DUE#${atIso.slice(0, 10).replace(/-/g, '')}#${shard}`
const shardOf = (key: string) => createHash('md5').update(key).digest()[0]! % DUE_SHARDS
