/** The case family's records and the storage it needs. */
import type { DepsOf } from '../deps'
import type { CaseStatus, CaseSummaryRecord, Counts, Gauge, Priority, RateLevel, SlaBand, SlaClock, Tally } from '@linli/shared'
import type { OutboxEvent, Recipient } from '../../notify/ports'
import type { KeyClaim, Keyed } from '../idempotency/ports'

export interface CaseRecord {
  caseId: string
  districtId: string
  number: string
  status: CaseStatus
  version: number
  categoryId: string
  categoryName: string
  priority: Priority
  slaBand: SlaBand
  departmentId: string
  assigneeIds: string[]
  assigneeNames: string[]
  gridId: string
  gridName: string
  /** The grid-tree node whose dispatchers handle the case: the street at first, its parent after escalation. */
  levelNodeId: string
  reporterId: string
  reporterName: string
  anonymous: boolean
  /** The contact phone, sealed (adapters/pii.ts): `{ contactPhone }`. */
  sealed?: Record<string, string>
  description: string
  /** Absent when the reporter refused the location and picked the grid (then there is an address). */
  lat?: number
  lng?: number
  /** geohash-6 cell of the location: the case is on the cell's nearby list while it is open (none without a point). */
  cell?: string
  address?: string
  photoKeys: string[]
  acceptBy: string
  dispatchBy: string
  resolveBy: string
  /** The stage the SLA clock is timing now, with its mark (黄牌/红牌); none once no stage runs. */
  sla?: SlaClock
  /** Escalated by the clock for a missed deadline: shown 红牌 until a person starts the next stage (dispatches it). */
  late?: boolean
  /** An extension (延期) an official asked for and a dispatcher has not answered yet. */
  extension?: { until: string; reason: string; byId: string; byName: string; at: string }
  /** Extensions approved so far (absent: none). */
  extensionCount?: number
  /** 督办: the district's dispatcher marked the case supervised. */
  supervision?: { note: string; byName: string; at: string }
  /** 联办: the co-departments' tasks (at most 4), each with its officials. */
  tasks?: CaseTask[]
  /** msg_sec_check said `review`: the dispatcher should look before anyone else sees it. */
  flagged: boolean
  reopenCount: number
  rating?: number
  /** Residents who said "me too" (their follower items are the truth; this count is shown). */
  followerCount: number
  /** Who resolved it (a gridworker's on-the-spot report: the reporter, who then may not rate it). */
  resolvedBy?: string
  /** Photos judged risky by WeChat's media check: shown to nobody. Written only by the verdict, never by a transition. */
  hiddenPhotoKeys?: string[]
  /** When the clock must look at the case next (auto-confirm of a resolved case): its place on the due index. */
  dueAt?: string
  createdAt: string
  updatedAt: string
}

export interface CaseTask {
  departmentId: string
  departmentName: string
  assigneeIds: string[]
  assigneeNames: string[]
  status: 'open' | 'started' | 'done'
  note?: string
  photoKeys: string[]
  doneAt?: string
}

export interface TimelineRecord {
  eventId: string
  at: string
  type: string
  from?: CaseStatus
  to?: CaseStatus
  actorId: string
  actorName: string
  note?: string
  rating?: number
  photoKeys: string[]
  /** The deadline the event set (a stage started, an extension approved) or the one the clock warned of or missed. */
  deadline?: string
}

/** What a list entry keeps of a case. */
export type { CaseSummaryRecord } from '@linli/shared'

export type CaseList = { kind: 'mine' | 'assigned'; userId: string } | { kind: 'grid'; gridId: string } | { kind: 'queue' | 'warned'; nodeId: string }

export interface CasePage {
  items: CaseSummaryRecord[]
  lastKey?: Record<string, unknown>
  /** Items DynamoDB read for this page (ScannedCount): the cost of a list, whatever the table size. */
  scanned: number
}

/** What the index of a district's cases by status holds of one: enough for a list, an export's scope, Open311's face. */
export type ChangedCase = Pick<
  CaseSummaryRecord,
  'caseId' | 'number' | 'status' | 'categoryId' | 'categoryName' | 'gridId' | 'gridName' | 'flagged' | 'createdAt' | 'updatedAt' | 'resolveBy' | 'lat' | 'lng'
>

export interface CasesRepo {
  nextSequence(districtId: string, day: string): Promise<number>
  /** One page of a district's cases in a status changed at or after `since` (ISO), oldest change first: what a list shows of them. */
  changedSince(
    districtId: string,
    status: CaseStatus,
    since: string,
    limit: number,
    startKey?: Record<string, unknown>,
  ): Promise<{ items: ChangedCase[]; lastKey?: Record<string, unknown> }>
  /** The `limit` cases of a status changed last: what a point on the command centre's map shows. */
  latest(
    districtId: string,
    status: CaseStatus,
    limit: number,
  ): Promise<{ caseId: string; number: string; gridId: string; categoryName: string; lat?: number; lng?: number; resolveBy: string }[]>
  /** The cases of these ids with their timelines (read 100 a request); an unknown id is left out. */
  many(districtId: string, caseIds: readonly string[]): Promise<{ record: CaseRecord; timeline: TimelineRecord[] }[]>
  /**
   * A new case with its first timeline items, its own list entries, its outbox event and its key's record: one
   * transaction; an emergency dispatched at once also becomes its grid's and category's mark (`urgent`, until `ttl`).
   */
  create(
    c: CaseRecord,
    timeline: TimelineRecord[],
    event: OutboxEvent | undefined,
    claim: KeyClaim | undefined,
    urgent?: { ttl: number },
  ): Promise<Keyed<'case' | 'lists' | 'event' | 'urgent', { caseId: string }>>
  /** The last emergency dispatched at once of a category in a grid, and when it was reported: GetItem. */
  urgentMark(districtId: string, gridId: string, categoryId: string): Promise<{ caseId: string; at: string } | undefined>
  get(districtId: string, caseId: string): Promise<{ record: CaseRecord; timeline: TimelineRecord[] } | undefined>
  isFollower(districtId: string, caseId: string, userId: string): Promise<boolean>
  /**
   * `after` replaces `before` only if the stored case still has `before`'s status, version and follower count (so the
   * fan-out reaches every follower), with one timeline item and one outbox event, in one bounded transaction. False
   * when another writer got there first (nothing written).
   */
  transition(before: CaseRecord, after: CaseRecord, item: TimelineRecord, event: OutboxEvent): Promise<boolean>
  /** "Me too": the follower item, the follower's list entry and the count; the case's version is left alone. */
  follow(c: CaseRecord, follower: Recipient, at: string): Promise<'followed' | 'already' | 'changed'>
  unfollow(c: CaseRecord, userId: string): Promise<boolean>
  followers(districtId: string, caseId: string, page: { limit: number; after?: string }): Promise<{ items: Recipient[]; next?: string }>
  /** Fan-out: the list entries of people outside the transaction, written only over older versions. */
  putEntries(summary: CaseSummaryRecord & { districtId: string; version: number }, lists: CaseList[]): Promise<void>
  dropEntries(c: { districtId: string; caseId: string; version: number }, lists: CaseList[]): Promise<void>
  list(districtId: string, list: CaseList, status: CaseStatus | undefined, limit: number, startKey?: Record<string, unknown>): Promise<CasePage>
  near(districtId: string, cell: string, categoryId: string, limit: number): Promise<CasePage & { items: (CaseSummaryRecord & { followerCount: number })[] }>
  /** Hides a photo of a case (ADD to its hidden set); the case's other attributes are left as they are. */
  hidePhoto(districtId: string, caseId: string, photoKey: string): Promise<void>
}

/**
 * What one transition adds to the counters, all written once under its outbox event: its tally on its day and month
 * at each node, a new case's category month, and the moves of the gauges.
 */
export interface RatesChange {
  /** The China date of the transition. */
  day: string
  nodes: { level: RateLevel; nodeId: string }[]
  tally?: Tally
  category?: { gridId: string; categoryId: string }
  gauges?: { level: RateLevel; nodeId: string; delta: Gauge }[]
}

/** 三率: a day's and a month's counts per node of each level, and the gauges (在办, 超期). */
export interface RatesRepo {
  /** Writes one transition's change once per outbox event (false: written before, or it changes nothing). */
  count(event: { districtId: string; eventId: string }, change: RatesChange, now: Date): Promise<boolean>
  /** The days of one node between two China dates, with what DynamoDB read for them. */
  days(districtId: string, level: RateLevel, nodeId: string, from: string, to: string): Promise<{ items: (Counts & { day: string })[]; scanned: number }>
  /** Every node of a level with counts in a China month (YYYY-MM), by node. */
  month(districtId: string, level: RateLevel, month: string): Promise<Map<string, Counts>>
  /** One node's counts in each of the months asked for that has any, by month. */
  months(districtId: string, level: RateLevel, nodeId: string, months: readonly string[]): Promise<Map<string, Counts>>
  /** A month's cases received by category, and by grid and category. */
  categoryMonth(districtId: string, month: string): Promise<{ byCategory: Map<string, number>; byGrid: Map<string, Map<string, number>> }>
  /** Every node of a level with a gauge, by node. */
  gauges(districtId: string, level: RateLevel): Promise<Map<string, Gauge>>
}

/**
 * What the case loop's use cases are given: its cases and rates; identity's staff (holders of a role, a user's roles,
 * rate limits), the outbox's notices of a case, the audit log of unmasked reads, moderation's checks, idempotent writes.
 */
export type CasesDeps = DepsOf<
  'cases' | 'rates' | 'idempotency' | 'moderation' | 'users' | 'outbox' | 'audit',
  'catalogue' | 'clock' | 'cursorSecret' | 'newId' | 'idSalt' | 'limits' | 'pii' | 'storage' | 'urgentJoinMinutes' | 'wechat' | 'workdays'
>
