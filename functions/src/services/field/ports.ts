/** The field-work family's records and the storage it needs. */
import type { DepsOf } from '../deps'
import type { CheckinKind } from '@linli/shared'
import type { KeyClaim, Keyed } from '../idempotency/ports'
import type { OutboxEvent } from '../../notify/ports'

/** A check-in as stored: what its lists show (photos by key; the API signs their URLs). */
export interface CheckinRecord {
  districtId: string
  checkinId: string
  kind: CheckinKind
  gridId: string
  gridName: string
  userId: string
  userName: string
  lat: number
  lng: number
  accuracy: number
  metersOutside: number
  note: string
  photoKeys: string[]
  patrolId?: string
  householdId?: string
  capturedAt: string
  at: string
  late: boolean
}

export interface PatrolRecord {
  districtId: string
  patrolId: string
  gridId: string
  gridName: string
  userId: string
  userName: string
  startedAt: string
  endedAt?: string
  points: number
}

/** An open patrol as its author's list of them holds it. */
export type OpenPatrol = Pick<PatrolRecord, 'patrolId' | 'gridId'>

/** Where a check-in is stored: what a repeat of its request reads back. */
export type CheckinRef = { gridId: string; at: string; checkinId: string }

export interface Page<T> {
  items: T[]
  lastKey?: Record<string, unknown>
}

export interface CheckinQuery {
  from?: string
  to?: string
  limit: number
  startKey?: Record<string, unknown>
}

export interface FieldRepo {
  /** A China day's check-ins and visits, by grid (only grids that had any). */
  dayWork(districtId: string, day: string): Promise<Map<string, { checkins: number; visits: number }>>
  /**
   * Stores a check-in with its key's record, its patrol's count and, for a visit, the household's new state (if its
   * version is still `expected`): refused by 'patrol' when the patrol ended or is full, by 'household' when someone
   * changed the household first.
   */
  createCheckin(
    c: CheckinRecord,
    claim: KeyClaim | undefined,
    maxPoints: number,
    visit?: { household: HouseholdRecord; expected: number; wasDue: boolean },
  ): Promise<Keyed<'checkin' | 'patrol' | 'household' | 'visit', CheckinRef>>
  /** Each gridworker's visits in the grid in a China month (yyyy-mm). */
  visitTallies(districtId: string, gridId: string, month: string): Promise<{ userId: string; userName: string; visits: number; dueVisits: number }[]>
  /** A check-in by where it is stored. */
  checkin(districtId: string, ref: CheckinRef): Promise<CheckinRecord | undefined>
  checkinsOfGrid(districtId: string, gridId: string, q: CheckinQuery & { userId?: string }): Promise<Page<CheckinRecord>>
  checkinsOfUser(districtId: string, userId: string, q: CheckinQuery): Promise<Page<CheckinRecord>>
  patrol(districtId: string, patrolId: string): Promise<PatrolRecord | undefined>
  /** Starts a patrol: false when the id is taken. */
  startPatrol(p: PatrolRecord): Promise<boolean>
  /** One page of a person's open patrols. */
  openPatrols(districtId: string, userId: string, page: { limit: number; startKey?: Record<string, unknown> }): Promise<Page<OpenPatrol>>
  /** Ends the author's open patrol: false when it was not open. */
  endPatrol(districtId: string, patrolId: string, userId: string, endedAt: string): Promise<boolean>
  pointsOf(districtId: string, patrolId: string): Promise<CheckinRecord[]>
}

/**
 * A household as stored: plain what routing and lists need, the personal fields sealed (address, phone, care tags,
 * notes), and per care tag (by keyed hash) its visit cadence, so a visit moves the due dates without opening them.
 */
export interface HouseholdRecord {
  districtId: string
  householdId: string
  gridId: string
  gridName: string
  headName: string
  members: number
  sealed: Record<string, string>
  /** Days between visits per care tag, keyed by the tag's hash. */
  cadences: Record<string, number>
  lastVisitAt?: string
  createdAt: string
  updatedAt: string
  version: number
}

export interface HouseholdQuery {
  /** A tag's hash: that tag's list. */
  tagKey?: string
  /** Only those due by then. */
  dueBy?: string
  limit: number
  startKey?: Record<string, unknown>
}

export interface HouseholdsRepo {
  /** Writes the household and its tag entries if its version is still `expected` (absent for a new one); drops the tag entries it no longer has. False when someone changed it first. */
  put(h: HouseholdRecord, expected: number | undefined, droppedTags: readonly string[]): Promise<boolean>
  get(districtId: string, householdId: string): Promise<HouseholdRecord | undefined>
  remove(h: HouseholdRecord): Promise<boolean>
  /**
   * A household moved to another door: the household under its new id (the new door's), the old one gone with its tag
   * entries — one transaction, on conditions that the old is as read, nobody is linked to it, and the new door is free.
   */
  move(before: HouseholdRecord, after: HouseholdRecord): Promise<'moved' | 'changed' | 'linked' | 'taken'>
  /** The roster of a grid by entry, or a due list (all tags or one) most overdue first. */
  list(districtId: string, gridId: string, q: HouseholdQuery): Promise<Page<HouseholdRecord>>
  /** How many of the grid's households are due by then. */
  countDue(districtId: string, gridId: string, dueBy: string): Promise<number>
  /** How many households of the grid carry each of these care tags (by the tag's hash), every page of each tag's list. */
  countTags(districtId: string, gridId: string, tagKeys: readonly string[]): Promise<number[]>
  /** Which of these household ids are on a roster already. */
  existing(districtId: string, ids: readonly string[]): Promise<string[]>
  /** Writes new households (an import: all rows checked first; ids from their doors, so a retry writes the same). */
  putMany(records: readonly HouseholdRecord[]): Promise<void>
}

/** A notice of a grid (通知公告) as stored. */
export interface AnnouncementRecord {
  districtId: string
  announcementId: string
  gridId: string
  gridName: string
  title: string
  body: string
  imageKeys: string[]
  ackRequired: boolean
  authorId: string
  authorName: string
  publishedAt: string
}

/** One reader's read of a notice: when first read, when acknowledged, and the household they are linked to. */
export interface ReadRecord {
  userId: string
  userName: string
  readAt: string
  ackAt?: string
  householdId?: string
}

/** A resident's link to a household: asked with the door (sealed), approved by the grid's staff. */
export interface HouseholdLinkRecord {
  districtId: string
  userId: string
  userName: string
  gridId: string
  gridName: string
  /** The household the door names (its id is the door's keyed hash, whether or not it is on the roster yet). */
  householdId: string
  sealed: Record<string, string>
  status: 'pending' | 'linked'
  requestedAt: string
  decidedAt?: string
}

export interface AnnouncementsRepo {
  /** Writes the notice and its outbox event together. */
  /** One transaction: the notice, its outbox event and its key's record. */
  publish(a: AnnouncementRecord, event: OutboxEvent, claim: KeyClaim | undefined): Promise<Keyed<'announcement' | 'event', { announcementId: string }>>
  get(districtId: string, announcementId: string): Promise<AnnouncementRecord | undefined>
  list(districtId: string, gridId: string, limit: number, startKey?: Record<string, unknown>): Promise<Page<AnnouncementRecord>>
  /** A reader's reads of these notices (absent: not read). */
  readsOf(districtId: string, userId: string, announcementIds: readonly string[]): Promise<Map<string, ReadRecord>>
  /** Records a first read (and counts it, and marks the reader's household); the read as stored, first or not. */
  read(districtId: string, announcementId: string, r: ReadRecord): Promise<ReadRecord>
  /** Records a read from a group once per (group, reader), counted per group. */
  groupRead(districtId: string, announcementId: string, opengid: string, userId: string, at: string): Promise<void>
  /** Records the acknowledgement of a reader who read it (once); false when it was acknowledged already. */
  ack(districtId: string, announcementId: string, r: ReadRecord, at: string): Promise<boolean>
  counts(districtId: string, announcementId: string): Promise<{ reads: number; acks: number; groups: { opengid: string; reads: number }[] }>
  /** How these households stand to a notice, and how many residents each has linked. */
  householdStates(
    districtId: string,
    announcementId: string,
    householdIds: readonly string[],
  ): Promise<Map<string, { readAt?: string; ackAt?: string; linked: number }>>
  /** Takes a photo WeChat judged risky out of the notice. */
  hideImage(districtId: string, announcementId: string, imageKey: string): Promise<void>
  /** The grid a WeChat group is bound to. */
  groupGrid(districtId: string, opengid: string): Promise<string | undefined>
  /** Binds a group to a grid unless it is bound already: false then. */
  bindGroup(districtId: string, opengid: string, gridId: string, userId: string, at: string): Promise<boolean>
}

export interface HouseholdLinksRepo {
  get(districtId: string, userId: string): Promise<HouseholdLinkRecord | undefined>
  /** Writes a request in place of `previous` (as read: unchanged since), a linked one's household counting one fewer. */
  request(l: HouseholdLinkRecord, previous: HouseholdLinkRecord | undefined): Promise<boolean>
  /** A grid's pending requests or linked residents, one page. */
  list(
    districtId: string,
    gridId: string,
    status: HouseholdLinkRecord['status'],
    limit: number,
    startKey?: Record<string, unknown>,
  ): Promise<Page<HouseholdLinkRecord>>
  /** Links a pending request (its household counting one more); false when it is no longer pending as read. */
  approve(l: HouseholdLinkRecord, at: string): Promise<boolean>
  decline(l: HouseholdLinkRecord): Promise<boolean>
}

/**
 * What field work's use cases are given: check-ins, patrols, the roster, links and notices; the audit log, moderation's
 * checks, idempotent writes, identity's users.
 */
export type FieldDeps = DepsOf<
  'field' | 'households' | 'announcements' | 'householdLinks' | 'idempotency' | 'moderation' | 'audit' | 'users',
  'catalogue' | 'clock' | 'cursorSecret' | 'idSalt' | 'newId' | 'pii' | 'storage' | 'wechat'
>
