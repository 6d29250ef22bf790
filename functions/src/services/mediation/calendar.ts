/** The session as a calendar file, for the parties' and the mediator's calendars. */
import { chinaDate, REMINDER_HOURS, specialtyLabels, type FileAnswer } from '@linli/shared'
import { calendarFile } from '../../adapters/calendar'
import type { Caller } from '../identity/ports'
import type { MediationDeps } from './ports'
import { loadVisible } from './bookings'
import { roomOf } from './rooms'

const calendarStatus = { requested: 'tentative', confirmed: 'confirmed', checked_in: 'confirmed', completed: 'confirmed' } as const

export async function bookingCalendarFile(deps: MediationDeps, caller: Caller, bookingId: string): Promise<FileAnswer> {
  const { record: b } = await loadVisible(deps, caller, bookingId)
  const room = await roomOf(deps, b.districtId, b.roomId)
  const text = calendarFile({
    // Stable across reschedules; the version only grows, so calendars take each export as the newer one.
    uid: `${b.bookingId}@linli`,
    sequence: b.version,
    stamp: b.updatedAt,
    start: b.start,
    end: b.end,
    summary: `说事 · ${b.roomName}`,
    description: `调解员：${b.mediatorName}\n纠纷类型：${specialtyLabels[b.disputeType]}\n${room.hours}`,
    location: { title: b.roomName, address: b.roomAddress, lat: room.lat, lng: room.lng },
    status: b.status in calendarStatus ? calendarStatus[b.status as keyof typeof calendarStatus] : 'cancelled',
    alarms: REMINDER_HOURS.map((h) => h * 60),
  })
  return { filename: `说事-${chinaDate(b.start)}.ics`, bytes: Buffer.from(text, 'utf8') }
}
