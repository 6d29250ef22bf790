/** The clock's rules of a booking: when the time forbids an event, and when the next reminder is due. */
import { REMINDER_HOURS, type BookingActor, type BookingEventType } from '@linli/shared'
import type { RoomRecord } from '../district/ports'
import type { BookingRecord } from './ports'

export const HOUR = 3600_000
/** A mediator may check a party in from an hour before the session. */
const CHECK_IN_HOURS = 1

/** Why the time forbids an event now (the lifecycle allows it), or nothing. */
export function timeProblem(type: BookingEventType, actors: ReadonlySet<BookingActor>, b: Pick<BookingRecord, 'start'>, room: Pick<RoomRecord, 'cancelCutoffHours'>, now: Date): string | undefined {
  const start = new Date(b.start).getTime()
  const t = now.getTime()
  if ((type === 'cancel' || type === 'reschedule') && !actors.has('mediator') && t > start - room.cancelCutoffHours * HOUR) return `开始前 ${room.cancelCutoffHours} 小时内不能再取消或改期，请联系调解员`
  if ((type === 'cancel' || type === 'reschedule') && t >= start) return '预约时间已过'
  if (type === 'check_in' && t < start - CHECK_IN_HOURS * HOUR) return `开始前 ${CHECK_IN_HOURS} 小时内才能签到`
  if (type === 'no_show' && t < start) return '开始时间之后才能标记未到场'
  return undefined
}

/** The next reminder of a confirmed booking still ahead of `now` (those already past are skipped). */
export function nextReminder(b: Pick<BookingRecord, 'status' | 'start' | 'reminded'>, now: Date): { dueAt?: string; reminded: number } {
  if (b.status !== 'confirmed') return { reminded: b.reminded }
  for (let i = b.reminded; i < REMINDER_HOURS.length; i++) {
    const at = new Date(b.start).getTime() - REMINDER_HOURS[i]! * HOUR
    if (at > now.getTime()) return { dueAt: new Date(at).toISOString(), reminded: i }
  }
  return { reminded: REMINDER_HOURS.length }
}

