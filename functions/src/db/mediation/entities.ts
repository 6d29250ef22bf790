/**
 * Entities of mediation (说事室). A room's calendar is one partition (keys.roomCalendar): the mediators' weekly rules,
 * and by China date the exceptions and the slots bookings hold, so a date range of it is one Query. A booking is its
 * own item, on its requester's list (gsi1), its mediator's (gsi2) and the due index (gsi3) while a reminder is due.
 */
import { Entity } from 'dynamodb-toolbox/entity'
import { item } from 'dynamodb-toolbox/schema/item'
import { string } from 'dynamodb-toolbox/schema/string'
import { number } from 'dynamodb-toolbox/schema/number'
import { list } from 'dynamodb-toolbox/schema/list'
import { map } from 'dynamodb-toolbox/schema/map'
import { any } from 'dynamodb-toolbox/schema/any'
import { bookingStatuses, outcomes } from '@linli/shared'
import type { LinliTable } from '../table'
import { keys } from '../keys'

const status = () => string().enum(...bookingStatuses)
const calendarKey = () => ({ districtId: string().key(), roomId: string().key() })

export function makeMediationEntities(table: LinliTable) {
  const MediatorProfile = new Entity({
    name: 'MediatorProfile',
    table,
    timestamps: false,
    schema: item({
      districtId: string().key(),
      userId: string().key(),
      name: string(),
      brand: string().optional(),
      specialties: list(string()),
      intro: string(),
      roomIds: list(string()),
      /** The public record, kept up to date as sessions are completed. */
      held: number(),
      agreements: number(),
      ratingSum: number().optional(),
      ratingCount: number().optional(),
    }),
    computeKey: ({ districtId, userId }) => ({ pk: keys.mediator(districtId, userId), sk: keys.mediatorItem }),
  })

  const AvailabilityRule = new Entity({
    name: 'AvailabilityRule',
    table,
    timestamps: false,
    schema: item({
      ...calendarKey(),
      mediatorId: string().key(),
      n: number().key(),
      mediatorName: string(),
      weekday: number(),
      start: string(),
      end: string(),
      sessionMinutes: number(),
      bufferMinutes: number(),
    }),
    computeKey: ({ districtId, roomId, mediatorId, n }) => ({ pk: keys.roomCalendar(districtId, roomId), sk: keys.rule(mediatorId, n) }),
  })

  const AvailabilityException = new Entity({
    name: 'AvailabilityException',
    table,
    timestamps: false,
    schema: item({
      ...calendarKey(),
      date: string().key(),
      exceptionId: string().key(),
      mediatorId: string().optional(),
      mediatorName: string().optional(),
      kind: string().enum('closed', 'extra'),
      start: string().optional(),
      end: string().optional(),
      sessionMinutes: number().optional(),
      note: string().optional(),
    }),
    computeKey: ({ districtId, roomId, date, exceptionId }) => ({ pk: keys.roomCalendar(districtId, roomId), sk: keys.exception(date, exceptionId) }),
  })

  /** One slot held by one booking: written with attribute_not_exists in the booking's transaction. */
  const SlotClaim = new Entity({
    name: 'SlotClaim',
    table,
    timestamps: false,
    schema: item({ ...calendarKey(), date: string().key(), time: string().key(), mediatorId: string().key(), bookingId: string() }),
    computeKey: ({ districtId, roomId, date, time, mediatorId }) => ({ pk: keys.roomCalendar(districtId, roomId), sk: keys.slotClaim(date, time, mediatorId) }),
  })

  const Booking = new Entity({
    name: 'Booking',
    table,
    timestamps: false,
    schema: item({
      districtId: string().key(),
      bookingId: string().key(),
      status: status(),
      version: number(),
      roomId: string(),
      roomName: string(),
      roomAddress: string(),
      mediatorId: string(),
      mediatorName: string(),
      start: string(),
      end: string(),
      date: string(),
      time: string(),
      requesterId: string(),
      requesterName: string(),
      sealed: any().optional(),
      disputeType: string(),
      statement: string(),
      otherPartyName: string().optional(),
      caseId: string().optional(),
      inviteCode: string(),
      respondentId: string().optional(),
      respondentName: string().optional(),
      outcome: string()
        .enum(...outcomes)
        .optional(),
      record: string().optional(),
      agreement: any().optional(),
      followUp: any().optional(),
      ratings: any().optional(),
      /** How many of the reminders before the session were sent or skipped. */
      reminded: number(),
      timeline: list(
        map({
          at: string(),
          type: string(),
          from: status().optional(),
          to: status().optional(),
          actorId: string(),
          actorName: string(),
          note: string().optional(),
        }),
      ),
      createdAt: string(),
      updatedAt: string(),
      /** What the lists show (the only attribute of a booking the list indexes project). */
      summary: any(),
      gsi1pk: string(),
      gsi1sk: string(),
      gsi2pk: string(),
      gsi2sk: string(),
      gsi3pk: string().optional(),
      gsi3sk: string().optional(),
    }),
    computeKey: ({ districtId, bookingId }) => ({ pk: keys.booking(districtId, bookingId), sk: keys.bookingItem }),
  })

  /** The respondent's list entry: the booking's summary on their list (gsi1), kept current by each transition. */
  const BookingView = new Entity({
    name: 'BookingView',
    table,
    timestamps: false,
    schema: item({ districtId: string().key(), bookingId: string().key(), userId: string().key(), summary: any(), gsi1pk: string(), gsi1sk: string() }),
    computeKey: ({ districtId, bookingId, userId }) => ({ pk: keys.booking(districtId, bookingId), sk: keys.bookingView(userId) }),
  })

  /** An invite code → its booking, so the other side can join. */
  const BookingInvite = new Entity({
    name: 'BookingInvite',
    table,
    timestamps: false,
    schema: item({ districtId: string().key(), code: string().key(), bookingId: string(), ttl: number() }),
    computeKey: ({ districtId, code }) => ({ pk: keys.bookingInvite(districtId, code), sk: keys.bookingInviteItem }),
  })

  const UpcomingBookings = new Entity({
    name: 'UpcomingBookings',
    table,
    timestamps: false,
    schema: item({ districtId: string().key(), userId: string().key(), count: number() }),
    computeKey: ({ districtId, userId }) => ({ pk: keys.upcomingBookings(districtId, userId), sk: keys.upcomingItem }),
  })

  const MediationDay = new Entity({
    name: 'MediationDay',
    table,
    timestamps: false,
    schema: item({ districtId: string().key(), day: string().key(), booked: number().optional(), held: number().optional(), agreements: number().optional() }),
    computeKey: ({ districtId, day }) => ({ pk: keys.mediationDays(districtId), sk: day }),
  })

  return { MediatorProfile, AvailabilityRule, AvailabilityException, SlotClaim, Booking, BookingView, BookingInvite, UpcomingBookings, MediationDay }
}
