/**
 * iCalendar files (RFC 5545) through ical-generator: one event per booking, its UID stable across reschedules and
 * its SEQUENCE growing with every change, so a calendar that imported it updates the event instead of adding one.
 * Times are written in UTC (China has no daylight saving, so nothing is lost).
 */
import ical, { ICalAlarmType, ICalEventStatus } from 'ical-generator'

export interface CalendarEvent {
  uid: string
  sequence: number
  start: string
  end: string
  summary: string
  description: string
  location: { title: string; address: string; lat: number; lng: number }
  status: 'confirmed' | 'tentative' | 'cancelled'
  /** Alarms, minutes before the start. */
  alarms: readonly number[]
  stamp: string
}

const statuses = { confirmed: ICalEventStatus.CONFIRMED, tentative: ICalEventStatus.TENTATIVE, cancelled: ICalEventStatus.CANCELLED }

export function calendarFile(e: CalendarEvent): string {
  const cal = ical({ name: '邻里 · 说事', prodId: { company: 'linli', product: 'linli', language: 'ZH' } })
  cal.createEvent({
    id: e.uid,
    sequence: e.sequence,
    stamp: new Date(e.stamp),
    start: new Date(e.start),
    end: new Date(e.end),
    summary: e.summary,
    description: e.description,
    location: { title: e.location.title, address: e.location.address, geo: { lat: e.location.lat, lon: e.location.lng } },
    status: statuses[e.status],
    alarms: e.status === 'cancelled' ? [] : e.alarms.map((minutes) => ({ type: ICalAlarmType.display, triggerBefore: minutes * 60, description: e.summary })),
  })
  return cal.toString()
}
