/** The mediation family's records and the storage it needs. */
import type { DepsOf } from '../deps'
import type { Caller } from '../identity/ports'
import type { AvailabilityException, AvailabilityRule, BookingStatus, Outcome, Performance, Specialty } from '@linli/shared'
import type { OutboxEvent } from '../../notify/ports'
import type { KeyClaim, Keyed } from '../idempotency/ports'

/** Why a new booking was not written: its slot is held, the requester has too many upcoming, its invite code was drawn before. */
export type CreateRefusal = 'slot' | 'upcoming' | 'invite' | 'booking' | 'event'

export interface MediatorProfile {
  districtId: string
  userId: string
  name: string
  brand?: string
  specialties: Specialty[]
  intro: string
  roomIds: string[]
  held: number
  agreements: number
  /** The parties' ratings, summed and counted: the public satisfaction. */
  ratingSum?: number
  ratingCount?: number
}

/** One slot of one mediator in one room (China date and time of day): what a claim holds. */
export interface SlotRef {
  roomId: string
  date: string
  time: string
  mediatorId: string
}

export interface BookingRecord {
  districtId: string
  bookingId: string
  status: BookingStatus
  version: number
  roomId: string
  roomName: string
  roomAddress: string
  mediatorId: string
  mediatorName: string
  start: string
  end: string
  date: string
  time: string
  requesterId: string
  requesterName: string
  /** The parties' phones (`contactPhone`, the requester's; `respondentPhone`), sealed field by field (deps.pii). */
  sealed?: Record<string, string>
  disputeType: Specialty
  statement: string
  otherPartyName?: string
  /** The dispute case this session settles (a dispatcher's referral), if any. */
  caseId?: string
  /** Lets the other side join; unique in the district. */
  inviteCode: string
  respondentId?: string
  respondentName?: string
  outcome?: Outcome
  record?: string
  agreement?: AgreementRecord
  followUp?: FollowUpRecord
  /** Each party's rating of the session (1–5), once. */
  ratings?: { userId: string; rating: number; comment?: string; at: string }[]
  /** How many of the reminders before the session were sent or skipped. */
  reminded: number
  /** When the clock must look at the booking next (a reminder): its place on the due index. */
  dueAt?: string
  createdAt: string
  updatedAt: string
}

/** A written agreement (人民调解法 §29) and each party's confirmation of it. */
export interface AgreementRecord {
  number: string
  facts: string
  disputes: string
  terms: string
  performance: { manner: string; place: string; deadline: string }
  confirmations: { userId: string; name: string; at: string }[]
}

/** The follow-up visit (回访): due on a China date, reminded once, then recorded. */
export interface FollowUpRecord {
  dueOn: string
  reminded?: boolean
  performance?: Performance
  note?: string
  at?: string
}

export interface BookingTimelineRecord {
  at: string
  type: string
  from?: BookingStatus
  to?: BookingStatus
  actorId: string
  actorName: string
  note?: string
}

/** Rules and exceptions carry the mediator's name, so a room's slots are named without another read. */
export type NamedRule = AvailabilityRule & { mediatorName: string }
export type NamedException = AvailabilityException & { id?: string; mediatorName?: string; note?: string }

/**
 * What a transition does besides the booking, in its transaction: the slots it releases and claims, the requester's
 * count of upcoming bookings, and a completed session counted in the mediator's public record.
 */
export interface SlotChange {
  release?: SlotRef
  claim?: SlotRef
  /** −1 when the booking stops being upcoming. */
  upcoming?: -1
  /** Added to the mediator's public record: a session held (and whether it ended in an agreement), a rating. */
  record?: { held?: 1; agreements?: 0 | 1; ratingSum?: number; ratingCount?: 1 }
}

export type TransitionOutcome = 'done' | 'conflict' | 'slotTaken'

export interface BookingList {
  kind: 'requester' | 'mediator'
  userId: string
}

export interface MediationRepo {
  /** A district's bookings made, sessions held and agreements reached between two China dates. */
  mediationDays(districtId: string, from: string, to: string): Promise<{ booked: number; held: number; agreements: number }>
  profiles(districtId: string, userIds: readonly string[]): Promise<MediatorProfile[]>
  putProfile(p: MediatorProfile): Promise<void>
  /** Sets what a mediator says of themselves, keeping (or starting at 0) the public record. */
  updateProfile(districtId: string, userId: string, p: Pick<MediatorProfile, 'name' | 'brand' | 'specialties' | 'intro' | 'roomIds'>): Promise<void>
  /** A room's rules, exceptions and held slots between two China dates: at most two Queries. */
  calendar(
    districtId: string,
    roomId: string,
    from: string,
    to: string,
  ): Promise<{ rules: NamedRule[]; exceptions: NamedException[]; held: SlotRef[]; scanned: number }>
  rules(districtId: string, roomId: string, mediatorId: string): Promise<AvailabilityRule[]>
  /** Replaces one mediator's rules in a room in one transaction. */
  replaceRules(
    districtId: string,
    roomId: string,
    mediator: { id: string; name: string },
    before: number,
    rules: readonly Omit<AvailabilityRule, 'mediatorId'>[],
  ): Promise<void>
  putException(districtId: string, roomId: string, exceptionId: string, x: NamedException): Promise<void>
  exception(districtId: string, roomId: string, date: string, exceptionId: string): Promise<NamedException | undefined>
  deleteException(districtId: string, roomId: string, date: string, exceptionId: string): Promise<void>
  /**
   * One transaction: the booking (with its first timeline item), the claim of its slot (if free), the requester's
   * upcoming count (if under `limit`), its invite code (if not drawn before), one outbox event and the key's record.
   */
  create(
    b: BookingRecord,
    timeline: BookingTimelineRecord,
    limit: number,
    event: OutboxEvent,
    claim: KeyClaim | undefined,
  ): Promise<Keyed<CreateRefusal, { bookingId: string }>>
  /** The booking an invite code opens, if any. */
  invite(districtId: string, code: string): Promise<string | undefined>
  /** One transaction: the respondent set on the booking (if nobody joined yet and it is as read), their list entry. */
  join(before: BookingRecord, after: BookingRecord, item: BookingTimelineRecord, event: OutboxEvent): Promise<boolean>
  get(districtId: string, bookingId: string): Promise<{ record: BookingRecord; timeline: BookingTimelineRecord[] } | undefined>
  /** One transaction: the booking (if status and version are as read) with its timeline item, the slot changes, one outbox event (if any). */
  transition(before: BookingRecord, after: BookingRecord, item: BookingTimelineRecord, slots: SlotChange, event?: OutboxEvent): Promise<TransitionOutcome>
  list(
    districtId: string,
    l: BookingList,
    when: 'upcoming' | 'past',
    now: string,
    limit: number,
    startKey?: Record<string, unknown>,
  ): Promise<{ items: BookingSummaryRecord[]; lastKey?: Record<string, unknown> }>
}

export type BookingSummaryRecord = Pick<
  BookingRecord,
  'bookingId' | 'status' | 'roomId' | 'roomName' | 'mediatorId' | 'mediatorName' | 'start' | 'end' | 'disputeType' | 'requesterName' | 'updatedAt'
>

/** What mediation needs of the case loop: a dispute case (矛盾纠纷) turned into a booking, and closed by its outcome. */
export interface Disputes {
  /** The case a resident books a session for: theirs, and referred to mediation (else 404 / 409). */
  referred(caller: Caller, caseId: string): Promise<{ caseId: string; description: string }>
  /** The mediation settled it: the case closes (a case already moved on is left alone). */
  settled(districtId: string, caseId: string, note: string): Promise<unknown>
}

/**
 * What mediation's use cases are given: rooms and mediators (the district's catalogue), bookings, identity's holders
 * of a role, moderation's checks, idempotent writes, and the case loop's disputes.
 */
export type MediationDeps = DepsOf<
  'mediation' | 'catalogue' | 'idempotency' | 'moderation' | 'users' | 'audit',
  'catalogue' | 'clock' | 'cursorSecret' | 'limits' | 'newId' | 'pdfFontPath' | 'pii' | 'storage' | 'wechat'
> & { disputes: Disputes }
