/** Moving a booking along its lifecycle table, and the clock's reminders before a confirmed session. */
import {
  addDays,
  bookingLifecycle,
  bookingStatusLabels,
  chinaDate,
  DomainError,
  FOLLOW_UP_DAYS,
  outcomeLabels,
  performanceLabels,
  REMINDER_HOURS,
  upcomingStatuses,
  type BookingDetail,
  type BookingEvent,
} from '@linli/shared'
import type { Caller } from '../identity/ports'
import type { RoomRecord } from '../district/ports'
import type { RevokedRole } from '../../family'
import type { BookingRecord, BookingTimelineRecord, MediationDeps, SlotChange } from './ports'
import { checkTexts } from '../moderation/content'
import { bookingActors } from './access'
import { detailView, loadVisible } from './bookings'
import { bookingEvent } from './outbox'
import { roomOf } from './rooms'
import { freeSlotsAt } from './slots'
import { eventProblem, nextDue } from './timing'

type BookingRow = (typeof bookingLifecycle.rows)[number]
export async function fireBookingEvent(deps: MediationDeps, caller: Caller, bookingId: string, event: BookingEvent): Promise<BookingDetail> {
  const loaded = await loadVisible(deps, caller, bookingId)
  const b = loaded.record
  const actors = bookingActors(caller, b)
  const label = bookingLifecycle.labels[event.type]
  const verdict = bookingLifecycle.verdict(b.status, event.type, actors)
  if (verdict === 'forbidden') throw new DomainError('auth.forbidden', [{ path: 'type', message: `你不能对该预约执行“${label}”` }])
  if (verdict === 'invalidState')
    throw new DomainError('booking.invalidTransition', [{ path: 'type', message: `预约当前为“${bookingStatusLabels[b.status]}”，不能${label}` }])
  if (event.version !== undefined && event.version !== b.version) throw new DomainError('booking.conflict')
  const room = await roomOf(deps, b.districtId, b.roomId)
  const problem = eventProblem(event.type, actors, b, room, deps.clock(), caller.user.id)
  if (problem) throw new DomainError(problem.code, [{ path: 'type', message: problem.message }])
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
  if (e.type === 'follow_up') return [{ path: 'note', text: e.note, label: '回访情况' }]
  if (e.type === 'rate') return [{ path: 'comment', text: e.comment, label: '评价' }]
  if (e.type !== 'complete') return []
  const a = e.agreement
  return [
    { path: 'record', text: e.record, label: '调解记录' },
    ...(a
      ? [
          { path: 'agreement.facts', text: a.facts, label: '纠纷事实' },
          { path: 'agreement.disputes', text: a.disputes, label: '争议事项' },
          { path: 'agreement.terms', text: a.terms, label: '协议内容' },
          { path: 'agreement.performance.manner', text: `${a.performance.manner} ${a.performance.place}`, label: '履行方式和地点' },
        ]
      : []),
  ]
}

/** The agreement's number, after the file's `(年份)人调字第 N 号`, N from the booking (unique in the district). */
const agreementNumber = (b: BookingRecord) => `（${b.date.slice(0, 4)}）人调字第 ${b.bookingId.slice(0, 8).toUpperCase()} 号`

async function changeFor(deps: MediationDeps, caller: Caller, b: BookingRecord, room: RoomRecord, e: BookingEvent): Promise<Change> {
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
    case 'complete': {
      const agreement = e.agreement && { number: agreementNumber(b), ...e.agreement, confirmations: [] }
      const dueOn =
        e.followUpOn ?? (agreement ? addDays(agreement.performance.deadline, 1) : e.outcome === 'agreement_oral' ? addDays(b.date, FOLLOW_UP_DAYS) : undefined)
      if (dueOn && dueOn <= chinaDate(deps.clock())) throw new DomainError('request.invalid', [{ path: 'followUpOn', message: '回访日期须晚于今天' }])
      return {
        next: { outcome: e.outcome, record: e.record, agreement, followUp: dueOn ? { dueOn } : undefined },
        note: outcomeLabels[e.outcome],
        slots: { record: { held: 1, agreements: e.outcome === 'no_agreement' ? 0 : 1 } },
      }
    }
    case 'confirm_agreement': {
      const a = b.agreement!
      return {
        next: { agreement: { ...a, confirmations: [...a.confirmations, { userId: caller.user.id, name: caller.user.name, at: deps.clock().toISOString() }] } },
        note: `${caller.user.name}确认了调解协议`,
        slots: {},
      }
    }
    case 'rate':
      return {
        next: { ratings: [...(b.ratings ?? []), { userId: caller.user.id, rating: e.rating, comment: e.comment, at: deps.clock().toISOString() }] },
        note: `${e.rating} 分${e.comment ? `：${e.comment}` : ''}`,
        slots: { record: { ratingSum: e.rating, ratingCount: 1 } },
      }
    case 'follow_up':
      return {
        next: { followUp: { ...b.followUp!, performance: e.performance, note: e.note, at: deps.clock().toISOString() } },
        note: `${performanceLabels[e.performance]}：${e.note}`,
        slots: {},
      }
    case 'reschedule': {
      const mediatorId = e.mediatorId ?? b.mediatorId
      if (new Date(e.start).toISOString() === b.start && mediatorId === b.mediatorId)
        throw new DomainError('booking.slotUnavailable', [{ path: 'start', message: '新时间与原时间相同' }])
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
async function apply(
  deps: MediationDeps,
  loaded: { record: BookingRecord; timeline: BookingTimelineRecord[] },
  row: BookingRow,
  change: Change,
  actor: { id: string; name: string },
) {
  const before = loaded.record
  const now = deps.clock()
  const at = now.toISOString()
  const to = row.to
  const draft: BookingRecord = { ...before, ...change.next, status: to, version: before.version + 1, updatedAt: at }
  const record: BookingRecord = { ...draft, ...nextDue(draft, now) }
  const leaves = upcomingStatuses.includes(before.status) && !upcomingStatuses.includes(to)
  const slots: SlotChange = { ...change.slots, ...(leaves ? { upcoming: -1 as const } : {}) }
  const item: BookingTimelineRecord = { at, type: row.event, from: before.status, to, actorId: actor.id, actorName: actor.name, note: change.note }
  const event = row.notify?.length ? bookingEvent(deps, record, row.event, row.notify, change.note) : undefined
  const outcome = await deps.repos.mediation.transition(before, record, item, slots, event)
  if (outcome === 'slotTaken') throw new DomainError('booking.slotTaken', [{ path: 'start', message: '新时段刚被他人约走，请选择其他时段' }])
  if (outcome === 'conflict') throw new DomainError('booking.conflict')
  return { record, timeline: [...loaded.timeline, item] }
}

/**
 * A mediator whose role in a room was taken back: their weekly hours leave its calendar (the first page), and their
 * upcoming sessions there go back to the room, a page per step (issue "Trust, second round"): each to another of its
 * mediators free at the same time, who confirms it again, or else cancelled; the parties are told either way.
 */
export async function mediatorLeft(deps: MediationDeps, r: RevokedRole, page: { cursor?: string; limit: number }): Promise<{ cursor?: string }> {
  if (r.role !== 'mediator') return {}
  if (!page.cursor) {
    const before = (await deps.repos.mediation.rules(r.districtId, r.scopeId, r.userId)).length
    if (before) await deps.repos.mediation.replaceRules(r.districtId, r.scopeId, { id: r.userId, name: r.userName }, before, [])
  }
  const now = deps.clock().toISOString()
  const startKey = page.cursor ? (JSON.parse(page.cursor) as Record<string, unknown>) : undefined
  const listed = await deps.repos.mediation.list(r.districtId, { kind: 'mediator', userId: r.userId }, 'upcoming', now, page.limit, startKey)
  const mine = listed.items.filter((s) => s.roomId === r.scopeId && upcomingStatuses.includes(s.status))
  const room = mine.length ? await roomOf(deps, r.districtId, r.scopeId) : undefined
  for (const { bookingId } of mine) {
    const loaded = await deps.repos.mediation.get(r.districtId, bookingId)
    if (loaded?.record.mediatorId === r.userId && upcomingStatuses.includes(loaded.record.status)) await handBack(deps, loaded, room!, r)
  }
  return { cursor: listed.lastKey && JSON.stringify(listed.lastKey) }
}

const system = { id: 'system', name: '系统' }
const revocation = (status: BookingRecord['status'], event: 'reschedule' | 'cancel') =>
  bookingLifecycle.row(status, event, new Set(['system'] as const), 'revocation')!

/** One session of a mediator who left: to a colleague free at its time (the minimum notice still applies), or cancelled. */
async function handBack(deps: MediationDeps, loaded: { record: BookingRecord; timeline: BookingTimelineRecord[] }, room: RoomRecord, r: RevokedRole) {
  const b = loaded.record
  const slot = { roomId: b.roomId, date: b.date, time: b.time, mediatorId: b.mediatorId }
  const free = await freeSlotsAt(deps, r.districtId, room, b.start, 'any').catch((err) => (err instanceof DomainError ? [] : Promise.reject(err)))
  const to = free.find((s) => s.mediatorId !== r.userId)
  if (to) {
    const change = {
      next: { mediatorId: to.mediatorId, mediatorName: to.mediatorName },
      note: `调解员调整：改由${to.mediatorName}调解员接待，时间不变，待其确认`,
      slots: { release: slot, claim: { ...slot, mediatorId: to.mediatorId } },
    }
    // A colleague's slot taken meanwhile: the session is cancelled instead.
    const moved = await apply(deps, loaded, revocation(b.status, 'reschedule'), change, system).catch((err) =>
      err instanceof DomainError && err.code === 'booking.slotTaken' ? undefined : Promise.reject(err),
    )
    if (moved) return
  }
  const note = `调解员${r.userName}已不在${b.roomName}，该时段暂无其他调解员，本次预约已取消，请重新预约`
  await apply(deps, loaded, revocation(b.status, 'cancel'), { next: {}, note, slots: { release: slot } }, system)
}

/**
 * The clock's work on a booking that came due: the reminder before a confirmed session (to both parties and the
 * mediator), or the morning a follow-up visit is due (to the mediator).
 */
export async function bookingDue(deps: MediationDeps, districtId: string, bookingId: string): Promise<'reminded' | 'skipped'> {
  const now = deps.clock()
  const found = await deps.repos.mediation.get(districtId, bookingId)
  const b = found?.record
  if (!b || !b.dueAt || b.dueAt > now.toISOString() || (b.status !== 'confirmed' && b.status !== 'completed')) return 'skipped'
  const at = now.toISOString()
  const followUp = b.status === 'completed' && b.followUp
  const moved: BookingRecord = followUp ? { ...b, followUp: { ...followUp, reminded: true } } : { ...b, reminded: b.reminded + 1 }
  const next = nextDue(moved, now)
  const record: BookingRecord = { ...moved, ...next, dueAt: next.dueAt, version: b.version + 1, updatedAt: at }
  const note = followUp ? `回访到期（${followUp.dueOn}）` : `开始前 ${REMINDER_HOURS[b.reminded] ?? 1} 小时提醒`
  const item: BookingTimelineRecord = { at, type: 'remind', actorId: 'system', actorName: '系统', note }
  const event = followUp
    ? bookingEvent(deps, record, 'remind', ['mediator'], note)
    : bookingEvent(deps, record, 'remind', ['requester', 'respondent', 'mediator'])
  const outcome = await deps.repos.mediation.transition(b, record, item, {}, event)
  return outcome === 'done' ? 'reminded' : 'skipped'
}
