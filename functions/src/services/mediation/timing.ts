/**
 * A booking's rules beyond its lifecycle table: what the clock or the record forbids now (a cancel inside the
 * cut-off, a check-in too early, an agreement confirmed twice …), and when the clock must look at it next.
 */
import { chinaInstant, type BookingActor, type BookingEventType, type ErrorCode, REMINDER_HOURS } from '@linli/shared'
import type { RoomRecord } from '../district/ports'
import type { BookingRecord } from './ports'

export const HOUR = 3600_000
/** A mediator may check a party in from an hour before the session. */
const CHECK_IN_HOURS = 1
/** Follow-up visits are reminded on the morning of their day. */
const FOLLOW_UP_HOUR = '09:00'

type Problem = { code: ErrorCode; message: string }
const invalid = (message: string): Problem => ({ code: 'booking.invalidTransition', message })

/** Why an event the lifecycle allows may not fire now, or nothing. */
export function eventProblem(
  type: BookingEventType,
  actors: ReadonlySet<BookingActor>,
  b: Pick<BookingRecord, 'start' | 'agreement' | 'followUp' | 'ratings'>,
  room: Pick<RoomRecord, 'cancelCutoffHours'>,
  now: Date,
  userId: string,
): Problem | undefined {
  const start = new Date(b.start).getTime()
  const t = now.getTime()
  switch (type) {
    case 'cancel':
    case 'reschedule':
      if (t >= start) return invalid('预约时间已过')
      if (!actors.has('mediator') && t > start - room.cancelCutoffHours * HOUR)
        return { code: 'booking.tooLate', message: `开始前 ${room.cancelCutoffHours} 小时内不能再取消或改期，请联系调解员` }
      return undefined
    case 'check_in':
      return t < start - CHECK_IN_HOURS * HOUR ? invalid(`开始前 ${CHECK_IN_HOURS} 小时内才能签到`) : undefined
    case 'no_show':
      return t < start ? invalid('开始时间之后才能标记未到场') : undefined
    case 'confirm_agreement':
      if (!b.agreement) return invalid('该预约没有需要确认的书面协议')
      return b.agreement.confirmations.some((c) => c.userId === userId) ? invalid('你已确认过该协议') : undefined
    case 'rate':
      return b.ratings?.some((r) => r.userId === userId) ? invalid('你已评价过这次调解') : undefined
    case 'follow_up':
      if (!b.followUp) return invalid('该预约没有待回访的事项')
      return b.followUp.performance ? invalid('回访已记录') : undefined
    default:
      return undefined
  }
}

/**
 * When the clock must look at a booking next: the reminders before a confirmed session still ahead of `now` (those
 * already past are skipped), or the morning a follow-up visit is due.
 */
export function nextDue(b: Pick<BookingRecord, 'status' | 'start' | 'reminded' | 'followUp'>, now: Date): { dueAt?: string; reminded: number } {
  if (b.status === 'completed' && b.followUp && !b.followUp.performance && !b.followUp.reminded) {
    return { dueAt: chinaInstant(b.followUp.dueOn, FOLLOW_UP_HOUR).toISOString(), reminded: b.reminded }
  }
  if (b.status !== 'confirmed') return { reminded: b.reminded }
  for (let i = b.reminded; i < REMINDER_HOURS.length; i++) {
    const at = new Date(b.start).getTime() - REMINDER_HOURS[i]! * HOUR
    if (at > now.getTime()) return { dueAt: new Date(at).toISOString(), reminded: i }
  }
  return { reminded: REMINDER_HOURS.length }
}
