/**
 * Storage of mediation. Booking is race-free by construction: each slot is one SlotClaim item written with
 * attribute_not_exists in the booking's own transaction, so two people can never hold one slot; a resident's
 * upcoming count is kept by a condition in the same transaction; reschedule releases and claims in ONE transaction.
 */
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import { $add, $append, $remove, $set } from 'dynamodb-toolbox/entity/actions/update'
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite'
import { BatchGetCommand, execute as batchGet } from 'dynamodb-toolbox/table/actions/batchGet'
import { chinaDate, type Specialty } from '@linli/shared'
import type { Entities } from '../entities'
import { keys } from '../keys'
import { mediationPatterns } from './patterns'
import { committed, transactNamed } from '../transact'
import { keyedWrite } from '../idempotency/repo'
import { outboxEventItem } from '../notify/outbox-repo'
import type {
  BookingList,
  BookingRecord,
  BookingTimelineRecord,
  BookingSummaryRecord,
  MediationRepo,
  NamedException,
  SlotRef,
  TransitionOutcome,
} from '../../services/mediation/ports'

const summaryOf = (b: BookingRecord): BookingSummaryRecord => {
  const { bookingId, status, roomId, roomName, mediatorId, mediatorName, start, end, disputeType, requesterName, updatedAt } = b
  return { bookingId, status, roomId, roomName, mediatorId, mediatorName, start, end, disputeType, requesterName, updatedAt }
}

/** The booking item with its index attributes: the requester's list (gsi1), the mediator's (gsi2), the due index. */
export function bookingItem(b: BookingRecord) {
  const { dueAt, ...rest } = b
  const sort = keys.bookingSort(b.start, b.bookingId)
  const due = dueAt ? keys.due(dueAt, keys.booking(b.districtId, b.bookingId)) : { gsi3pk: undefined, gsi3sk: undefined }
  return {
    ...rest,
    summary: summaryOf(b),
    gsi1pk: keys.bookingsOf.requester(b.districtId, b.requesterId),
    gsi1sk: sort,
    gsi2pk: keys.bookingsOf.mediator(b.districtId, b.mediatorId),
    gsi2sk: sort,
    ...due,
  }
}

const exceptionOf = (i: {
  exceptionId: string
  date: string
  mediatorId?: string
  mediatorName?: string
  kind: 'closed' | 'extra'
  start?: string
  end?: string
  sessionMinutes?: number
  note?: string
}): NamedException => {
  const { exceptionId: id, date, mediatorId, mediatorName, kind, start, end, sessionMinutes, note } = i
  return { id, date, mediatorId, mediatorName, kind, start, end, sessionMinutes, note }
}

const listKey = (districtId: string, l: BookingList) =>
  l.kind === 'requester' ? keys.bookingsOf.requester(districtId, l.userId) : keys.bookingsOf.mediator(districtId, l.userId)

export function makeMediationRepo(e: Entities): MediationRepo {
  const profiles = e.MediatorProfile.build(EntityRepository)
  const mediationDays = e.MediationDay.build(EntityRepository)
  const rules = e.AvailabilityRule.build(EntityRepository)
  const claims = e.SlotClaim.build(EntityRepository)
  const bookings = e.Booking.build(EntityRepository)
  const upcoming = e.UpcomingBookings.build(EntityRepository)
  const outbox = e.OutboxEvent.build(EntityRepository)
  const views = e.BookingView.build(EntityRepository)
  const invites = e.BookingInvite.build(EntityRepository)
  /** The respondent's list entry, written with every change of the booking once they joined. */
  const respondentEntry = (b: BookingRecord) =>
    b.respondentId
      ? [
          views.transactPut({
            districtId: b.districtId,
            bookingId: b.bookingId,
            userId: b.respondentId,
            summary: summaryOf(b),
            gsi1pk: keys.bookingsOf.requester(b.districtId, b.respondentId),
            gsi1sk: keys.bookingSort(b.start, b.bookingId),
          }),
        ]
      : []
  const p = mediationPatterns(e)
  const claimKey = (districtId: string, s: SlotRef) => ({ districtId, ...s })
  const exceptions = e.AvailabilityException.build(EntityRepository)

  return {
    /** Access pattern "mediator profiles": BatchGetItem of `<d>#MEDIATOR#u / PROFILE`, the mediators of one room. */
    async profiles(districtId, userIds) {
      if (!userIds.length) return []
      const { Responses } = await batchGet(
        { maxAttempts: 3 },
        e.table.build(BatchGetCommand).requests(...userIds.map((userId) => profiles.batchGet({ districtId, userId }))),
      )
      return (Responses?.[0] ?? []).flatMap((i) => (i ? [{ ...i, specialties: i.specialties as Specialty[] }] : []))
    },

    async putProfile(profile) {
      await profiles.put(profile)
    },

    /**
     * Access patterns "rules of a room" and "a room's calendar": two Queries of the room's calendar partition, the
     * weekly rules and the dates from `from` to `to` (exceptions and held slots together).
     */
    async calendar(districtId, roomId, from, to) {
      const [r, c] = await Promise.all([
        p['rules of a room'].query({ districtId, roomId }).send(),
        p["a room's calendar"].query({ districtId, roomId, from, to }).send(),
      ])
      const held: SlotRef[] = []
      const found: NamedException[] = []
      for (const i of c.Items ?? []) {
        if (i.entity === 'SlotClaim' && 'time' in i) held.push({ roomId, date: i.date, time: i.time, mediatorId: i.mediatorId })
        else if (i.entity === 'AvailabilityException' && 'kind' in i) found.push(exceptionOf(i))
      }
      const rules = (r.Items ?? []).map(({ mediatorId, mediatorName, weekday, start, end, sessionMinutes, bufferMinutes }) => ({
        mediatorId,
        mediatorName,
        weekday,
        start,
        end,
        sessionMinutes,
        bufferMinutes,
      }))
      return { rules, exceptions: found, held, scanned: (r.ScannedCount ?? 0) + (c.ScannedCount ?? 0) }
    },

    async rules(districtId, roomId, mediatorId) {
      const { Items = [] } = await p['rules of a room'].query({ districtId, roomId, mediatorId }).send()
      return Items.map(({ weekday, start, end, sessionMinutes, bufferMinutes }) => ({ mediatorId, weekday, start, end, sessionMinutes, bufferMinutes }))
    },

    async replaceRules(districtId, roomId, { id: mediatorId, name: mediatorName }, before, next) {
      // Rules are numbered 0…n−1: put the new ones, delete the numbers beyond them (at most 21 + 21 items).
      await execute(
        ...next.map((r, n) => rules.transactPut({ districtId, roomId, mediatorId, mediatorName, n, ...r })),
        ...Array.from({ length: Math.max(0, before - next.length) }, (_, i) => rules.transactDelete({ districtId, roomId, mediatorId, n: next.length + i })),
      )
    },

    async putException(districtId, roomId, exceptionId, x) {
      await exceptions.put({ districtId, roomId, exceptionId, ...x })
    },

    /** Access pattern "an exception": GetItem `<d>#ROOMCAL#room / CAL#<date>#EXC#<id>`. */
    async exception(districtId, roomId, date, exceptionId) {
      const { Item } = await exceptions.get({ districtId, roomId, date, exceptionId })
      return Item && exceptionOf(Item)
    },

    async deleteException(districtId, roomId, date, exceptionId) {
      await exceptions.delete({ districtId, roomId, date, exceptionId })
    },

    async updateProfile(districtId, userId, p) {
      await profiles.update({ districtId, userId, ...p, brand: p.brand ?? $remove(), held: $add(0), agreements: $add(0) })
    },

    async create(b, item, limit, event, claim) {
      const { districtId, requesterId: userId } = b
      return keyedWrite(e, claim, { bookingId: b.bookingId }, () => ({
        // The booking, and its day's count for the command centre.
        booking: [
          bookings.transactPut({ ...bookingItem(b), timeline: [item] }, { condition: { attr: 'bookingId', exists: false } }),
          mediationDays.transactUpdate({ districtId, day: chinaDate(b.createdAt), booked: $add(1) }),
        ],
        slot: claims.transactPut({ ...claimKey(districtId, b), bookingId: b.bookingId }, { condition: { attr: 'bookingId', exists: false } }),
        upcoming: upcoming.transactUpdate(
          { districtId, userId, count: $add(1) },
          {
            condition: {
              or: [
                { attr: 'count', exists: false },
                { attr: 'count', lt: limit },
              ],
            },
          },
        ),
        event: outbox.transactPut(outboxEventItem(event)),
        invite: invites.transactPut(
          { districtId, code: b.inviteCode, bookingId: b.bookingId, ttl: Math.floor(Date.parse(b.end) / 1000) + 30 * 86_400 },
          { condition: { attr: 'code', exists: false } },
        ),
      }))
    },

    /** Access pattern "a district's mediation by day": one Query of the days between two China dates. */
    async mediationDays(districtId, from, to) {
      const { Items = [] } = await p["a district's mediation by day"].query({ districtId, from, to }).send()
      return Items.reduce((t, i) => ({ booked: t.booked + (i.booked ?? 0), held: t.held + (i.held ?? 0), agreements: t.agreements + (i.agreements ?? 0) }), {
        booked: 0,
        held: 0,
        agreements: 0,
      })
    },

    /** Access pattern "an invite code": GetItem `<d>#BOOKINGINVITE#code / INVITE`. */
    async invite(districtId, code) {
      const { Item } = await invites.get({ districtId, code })
      return Item?.bookingId
    },

    async join(before, after, item, event) {
      const { districtId, bookingId } = after
      return committed(() =>
        execute(
          bookings.transactUpdate(
            {
              districtId,
              bookingId,
              respondentId: after.respondentId,
              respondentName: after.respondentName,
              sealed: after.sealed,
              version: after.version,
              updatedAt: after.updatedAt,
              timeline: $append([item]),
            },
            {
              condition: {
                and: [
                  { attr: 'respondentId', exists: false },
                  { attr: 'status', eq: before.status },
                  { attr: 'version', eq: before.version },
                ],
              },
            },
          ),
          ...respondentEntry(after),
          outbox.transactPut(outboxEventItem(event)),
        ),
      )
    },

    /** Access pattern "a booking": GetItem (consistent) — the booking with its timeline. */
    async get(districtId, bookingId) {
      const { Item } = await bookings.get({ districtId, bookingId }, { consistent: true })
      if (!Item) return undefined
      const {
        entity: _e,
        timeline,
        summary: _s,
        gsi1pk: _1,
        gsi1sk: _2,
        gsi2pk: _3,
        gsi2sk: _4,
        gsi3pk: _5,
        gsi3sk,
        ...rest
      } = Item as typeof Item & { entity?: string }
      return { record: { ...(rest as BookingRecord), dueAt: gsi3sk?.split('#')[0] }, timeline: timeline as BookingTimelineRecord[] }
    },

    async transition(before, after, item, slots, event): Promise<TransitionOutcome> {
      const { districtId, bookingId, ...rest } = bookingItem(after)
      const changes = Object.fromEntries(
        Object.entries(rest).map(([k, v]) => [k, v === undefined ? $remove() : typeof v === 'object' ? $set(v) : v]),
      ) as unknown as typeof rest
      const written = await transactNamed({
        booking: bookings.transactUpdate(
          { districtId, bookingId, ...changes, timeline: $append([item]) },
          {
            condition: {
              and: [
                { attr: 'status', eq: before.status },
                { attr: 'version', eq: before.version },
              ],
            },
          },
        ),
        release: slots.release && claims.transactDelete(claimKey(districtId, slots.release), { condition: { attr: 'bookingId', eq: bookingId } }),
        claim: slots.claim && claims.transactPut({ ...claimKey(districtId, slots.claim), bookingId }, { condition: { attr: 'bookingId', exists: false } }),
        upcoming:
          slots.upcoming && upcoming.transactUpdate({ districtId, userId: after.requesterId, count: $add(-1) }, { condition: { attr: 'count', gt: 0 } }),
        record: slots.record && [
          profiles.transactUpdate({ districtId, userId: after.mediatorId, ...Object.fromEntries(Object.entries(slots.record).map(([k, v]) => [k, $add(v)])) }),
          // A session held counts on its day for the command centre, with its agreement.
          ...(slots.record.held
            ? [mediationDays.transactUpdate({ districtId, day: chinaDate(after.updatedAt), held: $add(1), agreements: $add(slots.record.agreements ?? 0) })]
            : []),
        ],
        respondent: respondentEntry(after),
        event: event && outbox.transactPut(outboxEventItem(event)),
      })
      if (written.ok) return 'done'
      return written.failed.includes('claim') && !written.failed.includes('booking') ? 'slotTaken' : 'conflict'
    },

    /**
     * Access pattern "bookings of a person": Query gsi1 (requester) or gsi2 (mediator) on the person's list, upcoming
     * from now in time order or past ones newest first; one page, reading at most `limit` items.
     */
    async list(districtId, l, when, now, limit, startKey) {
      const { Items = [], LastEvaluatedKey } = await p['bookings of a person']
        .query({ listKey: listKey(districtId, l), index: l.kind === 'requester' ? 'gsi1' : 'gsi2', when, now })
        .options((o) => ({ ...o, limit, exclusiveStartKey: startKey, reverse: when === 'past' }))
        .send()
      return { items: Items.map((i) => i.summary as BookingSummaryRecord), lastKey: LastEvaluatedKey }
    },
  }
}
