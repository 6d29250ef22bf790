/**
 * Slot maths, pure (DESIGN.md §3 "Mediation"): the sessions a room offers are its mediators' weekly rules, minus
 * closures and plus extra hours of the date exceptions, minus the minimum notice, inside the booking horizon, each
 * marked taken when a booking holds it. Everything in China time.
 */
import { addDays, chinaDate, chinaInstant, clockOf, minutesOf, weekdayLabels, weekdayOf } from './china-time'

export interface AvailabilityRule {
  mediatorId: string
  /** Monday = 1 … Sunday = 7. */
  weekday: number
  start: string
  end: string
  sessionMinutes: number
  bufferMinutes: number
}

/** A date's change to the rules: the room or one mediator closed (all day, or from start to end), or extra hours. */
export interface AvailabilityException {
  date: string
  mediatorId?: string
  kind: 'closed' | 'extra'
  start?: string
  end?: string
  sessionMinutes?: number
}

export interface RoomPolicy {
  /** A session can be booked no later than this many hours before it starts. */
  minNoticeHours: number
  /** … and no further ahead than this many days. */
  horizonDays: number
}

export interface Slot {
  mediatorId: string
  date: string
  time: string
  start: string
  end: string
  taken: boolean
}

/** What identifies one held slot: the claim key's date, time and mediator. */
export const slotId = (s: Pick<Slot, 'date' | 'time' | 'mediatorId'>) => `${s.date}#${s.time}#${s.mediatorId}`

const DEFAULT_SESSION = 60

function windowsOf(date: string, mediatorId: string, rules: readonly AvailabilityRule[], exceptions: readonly AvailabilityException[]) {
  const weekday = weekdayOf(date)
  const mine = exceptions.filter((x) => x.date === date && (!x.mediatorId || x.mediatorId === mediatorId))
  if (mine.some((x) => x.kind === 'closed' && !x.start)) return []
  const windows = [
    ...rules.filter((r) => r.mediatorId === mediatorId && r.weekday === weekday),
    ...mine
      .filter((x) => x.kind === 'extra' && x.mediatorId && x.start && x.end)
      .map((x) => ({ start: x.start!, end: x.end!, sessionMinutes: x.sessionMinutes ?? DEFAULT_SESSION, bufferMinutes: 0 })),
  ]
  const closed = mine.filter((x) => x.kind === 'closed' && x.start && x.end).map((x) => [minutesOf(x.start!), minutesOf(x.end!)] as const)
  return windows.flatMap((w) => {
    const out: { time: string; minutes: number }[] = []
    for (let t = minutesOf(w.start); t + w.sessionMinutes <= minutesOf(w.end); t += w.sessionMinutes + w.bufferMinutes) {
      if (!closed.some(([a, b]) => t < b && t + w.sessionMinutes > a)) out.push({ time: clockOf(t), minutes: w.sessionMinutes })
    }
    return out
  })
}

/**
 * The room's sessions from `from` to `to` (China dates, both included) for every mediator of the rules (or one),
 * those inside the notice and the horizon only, in time order; `taken` holds the slot ids bookings hold.
 */
export function computeSlots(input: {
  rules: readonly AvailabilityRule[]
  exceptions: readonly AvailabilityException[]
  taken: ReadonlySet<string>
  policy: RoomPolicy
  now: Date
  from: string
  to: string
  mediatorId?: string
}): Slot[] {
  const { rules, exceptions, taken, policy, now } = input
  const earliest = now.getTime() + policy.minNoticeHours * 3600_000
  const last = addDays(chinaDate(now), policy.horizonDays)
  const mediators = [
    ...new Set(rules.map((r) => r.mediatorId).concat(exceptions.flatMap((x) => (x.kind === 'extra' && x.mediatorId ? [x.mediatorId] : [])))),
  ].filter((m) => !input.mediatorId || m === input.mediatorId)
  const slots: Slot[] = []
  for (let date = input.from < chinaDate(now) ? chinaDate(now) : input.from; date <= input.to && date <= last; date = addDays(date, 1)) {
    for (const mediatorId of mediators) {
      for (const w of windowsOf(date, mediatorId, rules, exceptions)) {
        const start = chinaInstant(date, w.time)
        if (start.getTime() < earliest) continue
        const slot = { mediatorId, date, time: w.time, start: start.toISOString(), end: new Date(start.getTime() + w.minutes * 60_000).toISOString() }
        slots.push({ ...slot, taken: taken.has(slotId(slot)) })
      }
    }
  }
  return slots.sort((a, b) => a.start.localeCompare(b.start) || a.mediatorId.localeCompare(b.mediatorId))
}

/** Rules that overlap another of the same mediator and weekday, or end before they start: index → message. */
export function ruleProblems(rules: readonly Omit<AvailabilityRule, 'mediatorId'>[]): { index: number; message: string }[] {
  const problems: { index: number; message: string }[] = []
  rules.forEach((r, i) => {
    const [a, b] = [minutesOf(r.start), minutesOf(r.end)]
    const overlapped = rules.findIndex((o, j) => j < i && o.weekday === r.weekday && a < minutesOf(o.end) && minutesOf(o.start) < b)
    if (b <= a) problems.push({ index: i, message: '结束时间必须晚于开始时间' })
    else if (b - a < r.sessionMinutes) problems.push({ index: i, message: '时段短于一场调解的时长' })
    else if (overlapped >= 0) problems.push({ index: i, message: `与第 ${overlapped + 1} 条时段重叠` })
  })
  return problems
}

/**
 * A room's opening hours in words, from its mediators' weekly rules (what the room page shows, so it changes when the
 * hours do): each weekday's windows merged across mediators, and runs of weekdays with the same windows joined —
 * "周一至周五 09:00–12:00；周日 14:00–17:00". Empty when nobody receives.
 */
export function weeklyHours(rules: readonly Pick<AvailabilityRule, 'weekday' | 'start' | 'end'>[]): string {
  const windows = (weekday: number) => {
    const merged: [number, number][] = []
    for (const [a, b] of rules
      .filter((r) => r.weekday === weekday)
      .map((r) => [minutesOf(r.start), minutesOf(r.end)] as [number, number])
      .sort((x, y) => x[0] - y[0])) {
      const last = merged.at(-1)
      if (last && a <= last[1]) last[1] = Math.max(last[1], b)
      else merged.push([a, b])
    }
    return merged.map(([a, b]) => `${clockOf(a)}–${clockOf(b)}`).join('、')
  }
  const days = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, text: windows(weekday) }))
  const runs: { from: number; to: number; text: string }[] = []
  for (const d of days) {
    const last = runs.at(-1)
    if (last && last.text === d.text && last.to === d.weekday - 1) last.to = d.weekday
    else runs.push({ from: d.weekday, to: d.weekday, text: d.text })
  }
  const label = (r: { from: number; to: number }) =>
    r.from === r.to
      ? weekdayLabels[r.from]
      : r.to === r.from + 1
        ? `${weekdayLabels[r.from]}、${weekdayLabels[r.to]}`
        : `${weekdayLabels[r.from]}至${weekdayLabels[r.to]}`
  return runs
    .filter((r) => r.text)
    .map((r) => `${label(r)} ${r.text}`)
    .join('；')
}
