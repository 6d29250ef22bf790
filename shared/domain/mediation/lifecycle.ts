/**
 * The booking lifecycle as data (DESIGN.md §3 "Mediation"), on the generic machinery: requested → confirmed (the
 * mediator) | declined → checked_in → completed | no_show; cancel and reschedule while it is upcoming. Several rows
 * share an event where who fires it decides where it goes (a resident's reschedule waits for the mediator again).
 */
import { defineLifecycle, NEW } from '../lifecycle'

export const bookingStatuses = ['requested', 'confirmed', 'declined', 'cancelled', 'refused', 'checked_in', 'completed', 'no_show'] as const
export type BookingStatus = (typeof bookingStatuses)[number]

export const bookingStatusLabels: Record<BookingStatus, string> = {
  requested: '待确认',
  confirmed: '已确认',
  declined: '已婉拒',
  cancelled: '已取消',
  refused: '对方不参加',
  checked_in: '已签到',
  completed: '已完成',
  no_show: '未到场',
}

/** Bookings that still hold their slot and count toward a resident's limit. */
export const upcomingStatuses: readonly BookingStatus[] = ['requested', 'confirmed']

/** How the caller stands to a booking, from our records: who asked, the other side who joined, the mediator. */
export type BookingActor = 'requester' | 'respondent' | 'mediator' | 'system'
/** Who hears of a transition (the respondent only once they joined). */
export type BookingAudience = 'requester' | 'respondent' | 'mediator'

export const bookingEventTypes = [
  'confirm',
  'decline',
  'cancel',
  'reschedule',
  'refuse',
  'check_in',
  'complete',
  'no_show',
  'confirm_agreement',
  'rate',
  'follow_up',
] as const
export type BookingEventType = (typeof bookingEventTypes)[number]
export type BookingTimelineType = BookingEventType | 'book' | 'join' | 'remind'

const upcoming = ['requested', 'confirmed'] as const

export const bookingLifecycle = defineLifecycle<BookingStatus, BookingTimelineType, BookingActor, BookingAudience>({
  states: bookingStatuses,
  labels: {
    book: '预约',
    join: '对方加入',
    remind: '提醒',
    confirm: '确认预约',
    decline: '婉拒',
    cancel: '取消预约',
    reschedule: '改期',
    check_in: '签到',
    complete: '记录结果',
    refuse: '不参加调解',
    confirm_agreement: '确认协议',
    rate: '评价调解',
    follow_up: '回访',
    no_show: '未到场',
  },
  rows: [
    { event: 'book', from: [NEW], to: 'requested', who: ['requester'], notify: ['mediator'] },
    { event: 'confirm', from: ['requested'], to: 'confirmed', who: ['mediator'], notify: ['requester', 'respondent'] },
    { event: 'decline', from: ['requested'], to: 'declined', who: ['mediator'], notify: ['requester', 'respondent'] },
    { event: 'cancel', from: upcoming, to: 'cancelled', who: ['requester'], notify: ['mediator', 'respondent'] },
    { event: 'cancel', from: upcoming, to: 'cancelled', who: ['mediator'], notify: ['requester', 'respondent'] },
    // Side doors: a mediator who left the room (their role taken back) hands their sessions back to it — to another
    // mediator free at the same time, who confirms again, or else cancelled; the parties are told either way.
    { event: 'reschedule', door: 'revocation', from: upcoming, to: 'requested', who: ['system'], notify: ['requester', 'respondent', 'mediator'] },
    { event: 'cancel', door: 'revocation', from: upcoming, to: 'cancelled', who: ['system'], notify: ['requester', 'respondent'] },
    // Mediation needs both sides (人民调解法 §17): the other party may decline to take part.
    { event: 'refuse', from: upcoming, to: 'refused', who: ['respondent'], notify: ['requester', 'mediator'] },
    // A resident's new time waits for the mediator's confirmation again; the mediator's own move stands.
    { event: 'reschedule', from: upcoming, to: 'requested', who: ['requester'], notify: ['mediator', 'respondent'] },
    { event: 'reschedule', from: upcoming, to: 'confirmed', who: ['mediator'], notify: ['requester', 'respondent'] },
    { event: 'check_in', from: ['confirmed'], to: 'checked_in', who: ['mediator'] },
    { event: 'complete', from: ['checked_in'], to: 'completed', who: ['mediator'], notify: ['requester', 'respondent'] },
    { event: 'no_show', from: ['confirmed'], to: 'no_show', who: ['mediator'] },
    // After the session: each party confirms a written agreement; the mediator records the follow-up visit (回访).
    { event: 'confirm_agreement', from: ['completed'], to: 'completed', who: ['requester', 'respondent'], notify: ['mediator'] },
    // Each party rates the session once: the mediator's public satisfaction.
    { event: 'rate', from: ['completed'], to: 'completed', who: ['requester', 'respondent'] },
    { event: 'follow_up', from: ['completed'], to: 'completed', who: ['mediator'] },
  ],
})

/** The events `actors` may fire on a booking in `status`. */
export const allowedBookingEvents = (status: BookingStatus, actors: ReadonlySet<BookingActor>) => bookingLifecycle.allowed(status, actors) as BookingEventType[]

/** How a session ended (人民调解法: an agreement written or oral, or none, leaving the other routes). */
export const outcomes = ['agreement_written', 'agreement_oral', 'no_agreement'] as const
export type Outcome = (typeof outcomes)[number]
export const outcomeLabels: Record<Outcome, string> = { agreement_written: '达成书面协议', agreement_oral: '达成口头协议', no_agreement: '未达成协议' }

/** How a follow-up visit found the agreement performed. */
export const performances = ['performed', 'partly', 'not'] as const
export type Performance = (typeof performances)[number]
export const performanceLabels: Record<Performance, string> = { performed: '已履行', partly: '部分履行', not: '未履行' }

/** Days after the session a follow-up is due when the mediator names no date (an oral agreement; a written one: after its deadline). */
export const FOLLOW_UP_DAYS = 7

/** Reminders before a confirmed session, hours ahead. */
export const REMINDER_HOURS = [24, 1] as const
/** A resident holds at most this many upcoming bookings. */
export const MAX_UPCOMING_BOOKINGS = 2
