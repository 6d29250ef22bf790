/** Moving a booking along its lifecycle table, and the clock's reminders before a confirmed session. */
import {
  bookingLifecycle,
  bookingStatusLabels,
  DomainError,
  REMINDER_HOURS,
  upcomingStatuses,
  type BookingDetail,
  type BookingEvent,
} from '@linli/shared'
import type { Caller } from '../identity/ports'
import type { RoomRecord } from '../district/ports'
import type { Deps } from '../deps'
import { checkTexts } from '../cases/content'
import { bookingActors } from './access'
import { detailView, loadVisible } from './bookings'
import { bookingEvent } from './outbox'
import { roomOf } from './rooms'
import { freeSlotsAt } from './slots'
import { nextReminder, timeProblem } from './timing'
import type { BookingRecord, BookingTimelineRecord, SlotChange } from './ports'

type BookingRow = (typeof bookingLifecycle.rows)[number]
export async function fireBookingEvent(deps: Deps, caller: Caller, bookingId: string, event: BookingEvent): Promise<BookingDetail> {
  const loaded = await loadVisible(deps, caller, bookingId)
  const b = loaded.record
  const actors = bookingActors(caller, b)
  const label = bookingLifecycle.labels[event.type]
  const verdict = bookingLifecycle.verdict(b.status, event.type, actors)
  if (verdict === 'forbidden') throw new DomainError('auth.forbidden', [{ path: 'type', message: `你不能对该预约执行“${label}”` }])
  if (verdict === 'invalidState') throw new DomainError('booking.invalidTransition', [{ path: 'type', message: `预约当前为“${bookingStatusLabels[b.status]}”，不能${label}` }])
  if (event.version !== undefined && event.version !== b.version) throw new DomainError('booking.conflict')
  const room = await roomOf(deps, b.districtId, b.roomId)
  const problem = timeProblem(event.type, actors, b, room, deps.clock())
  if (problem) throw new DomainError(problem.includes('小时内不能') ? 'booking.tooLate' : 'booking.invalidTransition', [{ path: 'type', message: problem }])
  const row = bookingLifecycle.row(b.status, event.type, actors)!
  const [change] = await Promise.all([changeFor(deps, caller, b, room, event), checkTexts(deps, caller, eventTexts(event))])
  const after = await apply(deps, loaded, row, change, { id: caller.user.id, name: caller.user.name })
  return detailView(deps, caller, after.record, after.timeline)
}

interface Change {
  next: Partial<BookingRecord>
  note?: string
  slots: SlotChange
}

function eventTexts(e: BookingEvent) {
  if ('reason' in e) return [{ path: 'reason', text: e.reason, label: '原因' }]
  if (e.type === 'complete') return [{ path: 'record', text: e.record, label: '调解记录' }]
  return []
}

async function changeFor(deps: Deps, caller: Caller, b: BookingRecord, room: RoomRecord, e: BookingEvent): Promise<Change> {
  const slot = { roomId: b.roomId, date: b.date, time: b.time, mediatorId: b.mediatorId }
  switch (e.type) {
    case 'confirm':
    case 'check_in':
    case 'no_show':
      return { next: {}, slots: {} }
    case 'decline':
    case 'cancel':
    case 'refuse':
      return { next: {}, note: e.reason, slots: { release: slot } }
    case 'complete':
      return { next: { outcome: e.outcome, record: e.record }, note: e.outcome === 'no_agreement' ? '未达成协议' : '达成协议', slots: { session: { agreement: e.outcome !== 'no_agreement' } } }
    case 'reschedule': {
      const mediatorId = e.mediatorId ?? b.mediatorId
      if (new Date(e.start).toISOString() === b.start && mediatorId === b.mediatorId) throw new DomainError('booking.slotUnavailable', [{ path: 'start', message: '新时间与原时间相同' }])
      const [to] = await freeSlotsAt(deps, caller.user.districtId, room, e.start, mediatorId)
      const { date, time, start, end, mediatorName } = to!
      return {
        next: { date, time, start, end, mediatorId: to!.mediatorId, mediatorName, reminded: 0 },
        note: `改至 ${date} ${time}`,
        slots: { release: slot, claim: { roomId: b.roomId, date, time, mediatorId: to!.mediatorId } },
      }
    }
  }
}

/** Writes the next version of a booking with its timeline item, slot changes and one outbox event, in one transaction. */
async function apply(deps: Deps, loaded: { record: BookingRecord; timeline: BookingTimelineRecord[] }, row: BookingRow, change: Change, actor: { id: string; name: string }) {
  const before = loaded.record
  const now = deps.clock()
  const at = now.toISOString()
  const to = row.to
  const draft: BookingRecord = { ...before, ...change.next, status: to, version: before.version + 1, updatedAt: at }
  const record: BookingRecord = { ...draft, ...nextReminder(draft, now) }
  const leaves = upcomingStatuses.includes(before.status) && !upcomingStatuses.includes(to)
  const slots: SlotChange = { ...change.slots, ...(leaves ? { upcoming: -1 as const } : {}) }
  const item: BookingTimelineRecord = { at, type: row.event, from: before.status, to, actorId: actor.id, actorName: actor.name, note: change.note }
  const event = row.notify?.length ? bookingEvent(deps, record, row.event, row.notify, change.note) : undefined
  const outcome = await deps.repos.mediation.transition(before, record, item, slots, event)
  if (outcome === 'slotTaken') throw new DomainError('booking.slotTaken', [{ path: 'start', message: '新时段刚被他人约走，请选择其他时段' }])
  if (outcome === 'conflict') throw new DomainError('booking.conflict')
  return { record, timeline: [...loaded.timeline, item] }
}

/** The clock's work on a booking that came due: the reminder before a confirmed session, to both sides. */
export async function bookingDue(deps: Deps, districtId: string, bookingId: string): Promise<'reminded' | 'skipped'> {
  const now = deps.clock()
  const found = await deps.repos.mediation.get(districtId, bookingId)
  const b = found?.record
  if (!b || !b.dueAt || b.dueAt > now.toISOString() || b.status !== 'confirmed') return 'skipped'
  const at = now.toISOString()
  const next = nextReminder({ ...b, reminded: b.reminded + 1 }, now)
  const record: BookingRecord = { ...b, ...next, dueAt: next.dueAt, version: b.version + 1, updatedAt: at }
  const hours = REMINDER_HOURS[b.reminded] ?? 1
  const item: BookingTimelineRecord = { at, type: 'remind', actorId: 'system', actorName: '系统', note: `开始前 ${hours} 小时提醒` }
  const outcome = await deps.repos.mediation.transition(b, record, item, {}, bookingEvent(deps, record, 'remind', ['requester', 'respondent', 'mediator']))
  return outcome === 'done' ? 'reminded' : 'skipped'
}
