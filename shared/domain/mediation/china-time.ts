/**
 * China time (UTC+8 all year, no daylight saving): bookings, opening hours and reminders are set in it, whatever the
 * server's or the phone's zone. Dates are `YYYY-MM-DD`, times of day `HH:mm`, instants ISO strings in UTC.
 */
const OFFSET_MS = 8 * 3600_000

/** The China date of an instant. */
export const chinaDate = (at: Date | string) => new Date(new Date(at).getTime() + OFFSET_MS).toISOString().slice(0, 10)

/** The China time of day of an instant, `HH:mm`. */
export const chinaClock = (at: Date | string) => new Date(new Date(at).getTime() + OFFSET_MS).toISOString().slice(11, 16)

/** `2026-12-01 09:30` in China time, as WeChat's `time` values and our documents write it. */
export const chinaTime = (at: Date | string) => `${chinaDate(at)} ${chinaClock(at)}`

/** The instant of a China date and time of day. */
export const chinaInstant = (date: string, time: string) => new Date(Date.parse(`${date}T${time}:00.000Z`) - OFFSET_MS)

/** Monday = 1 … Sunday = 7, as 《劳动法》 calendars and our rules count them. */
export const weekdayOf = (date: string) => new Date(`${date}T00:00:00.000Z`).getUTCDay() || 7

/** The `YYYY-MM` month `months` after (or, negative, before) a `YYYY-MM` month. */
export function addMonths(month: string, months: number): string {
  const [y = 0, m = 0] = month.split('-').map(Number)
  const at = y * 12 + (m - 1) + months
  return `${Math.floor(at / 12)}-${String((at % 12) + 1).padStart(2, '0')}`
}

export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10)

/** Minutes since midnight of `HH:mm`. */
export const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
export const clockOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

export const weekdayLabels = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const

/** An instant in W3C form with China's offset (2026-12-07T21:30:00+08:00): what Open311 and other outside clients read. */
export const chinaW3c = (at: Date | string) => `${new Date(new Date(at).getTime() + OFFSET_MS).toISOString().slice(0, 19)}+08:00`
