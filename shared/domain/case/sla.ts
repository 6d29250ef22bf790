/**
 * SLA bands after the Beijing 12345 practice (../shared/reference/field-practice.md): each band gives the time to
 * accept, to dispatch and to resolve a case, in minutes. Categories name a band; the case clock reads it.
 */
import { chinaTime } from '../mediation/china-time'

export const slaBands = {
  urgent: { label: '紧急', acceptMinutes: 15, dispatchMinutes: 60, resolveMinutes: 24 * 60 },
  utility: { label: '水电气热', acceptMinutes: 30, dispatchMinutes: 2 * 60, resolveMinutes: 2 * 24 * 60 },
  general: { label: '一般', acceptMinutes: 4 * 60, dispatchMinutes: 24 * 60, resolveMinutes: 7 * 24 * 60 },
  complex: { label: '复杂', acceptMinutes: 8 * 60, dispatchMinutes: 24 * 60, resolveMinutes: 15 * 24 * 60 },
  // Resolve within working days on China's official calendar (holidays and 调休 working weekends): what a rule or a
  // department's charter gives in working days. `resolveMinutes` is only the estimate shown where no calendar is at hand.
  workdays5: { label: '5 个工作日', acceptMinutes: 4 * 60, dispatchMinutes: 24 * 60, resolveMinutes: 7 * 24 * 60, resolveWorkdays: 5 },
  workdays15: { label: '15 个工作日', acceptMinutes: 8 * 60, dispatchMinutes: 24 * 60, resolveMinutes: 21 * 24 * 60, resolveWorkdays: 15 },
} as const satisfies Record<string, { label: string; acceptMinutes: number; dispatchMinutes: number; resolveMinutes: number; resolveWorkdays?: number }>

export type SlaBand = keyof typeof slaBands
export const slaBandKeys = Object.keys(slaBands) as [SlaBand, ...SlaBand[]]

export const priorities = ['high', 'medium', 'low'] as const
export type Priority = (typeof priorities)[number]
export const priorityLabels: Record<Priority, string> = { high: '高', medium: '中', low: '低' }

/**
 * China's official calendar: the end (24:00 China time) of the `workdays`-th working day after `at`, as an ISO
 * instant. The functions read it from a maintained holiday library; shared code is given it.
 */
export type WorkdayCalendar = (at: Date, workdays: number) => string

/** A band's working days to resolve, when it counts them. */
export const resolveWorkdays = (band: SlaBand): number | undefined => (slaBands[band] as { resolveWorkdays?: number }).resolveWorkdays

/** The resolve deadline of a stage started at `at`: working days on the calendar for a band that counts them, else its minutes. */
const resolveDeadline = (band: SlaBand, at: Date, calendar?: WorkdayCalendar) => {
  const days = resolveWorkdays(band)
  return days && calendar ? calendar(at, days) : new Date(at.getTime() + slaBands[band].resolveMinutes * 60_000).toISOString()
}

/** The deadlines a case gets when it is submitted at `at` (ISO strings). */
export function slaDeadlines(band: SlaBand, at: Date, calendar?: WorkdayCalendar) {
  const b = slaBands[band]
  const plus = (minutes: number) => new Date(at.getTime() + minutes * 60_000).toISOString()
  return { acceptBy: plus(b.acceptMinutes), dispatchBy: plus(b.dispatchMinutes), resolveBy: resolveDeadline(band, at, calendar) }
}

/** The stages of a case the clock times (DESIGN.md §3 "SLA clock"). */
export const clockStages = ['accept', 'dispatch', 'resolve'] as const
export type ClockStage = (typeof clockStages)[number]
export const clockStageLabels: Record<ClockStage, string> = { accept: '受理', dispatch: '派单', resolve: '处置' }

/** The share of a stage's time after which its handler is warned (黄牌); at the whole of it the case is overdue (红牌). */
export const WARN_AT = 0.8

/** An approved extension (延期) may move the resolve deadline at most this far past the stage's start, per band. */
export const extensionCeilingMinutes: Record<SlaBand, number> = {
  urgent: 3 * 24 * 60,
  utility: 5 * 24 * 60,
  general: 15 * 24 * 60,
  complex: 30 * 24 * 60,
  workdays5: 15 * 24 * 60,
  workdays15: 45 * 24 * 60,
}

/** The running clock of a case: one stage at a time, from when it started to its deadline, and how far it has gone. */
export interface SlaClock {
  stage: ClockStage
  startedAt: string
  deadline: string
  /** warn: past 80 % (黄牌); overdue: past the deadline (红牌). */
  mark?: 'warn' | 'overdue'
}

const minutesOf: Record<ClockStage, 'acceptMinutes' | 'dispatchMinutes' | 'resolveMinutes'> = {
  accept: 'acceptMinutes',
  dispatch: 'dispatchMinutes',
  resolve: 'resolveMinutes',
}

/** A stage's clock started at `at`: its deadline from the band (resolve: in working days on `calendar` when the band counts them), unless the dispatcher set one. */
export const startClock = (band: SlaBand, stage: ClockStage, at: Date, deadline?: string, calendar?: WorkdayCalendar): SlaClock => ({
  stage,
  startedAt: at.toISOString(),
  deadline:
    deadline ?? (stage === 'resolve' ? resolveDeadline(band, at, calendar) : new Date(at.getTime() + slaBands[band][minutesOf[stage]] * 60_000).toISOString()),
})

/**
 * The clock after a lifecycle row: a row that starts a stage (re)starts it — escalation and reopen restart theirs —
 * a row that stops the running stage stops it, any other row leaves it running.
 */
export function nextClock(
  band: SlaBand,
  running: SlaClock | undefined,
  row: { start?: readonly ClockStage[]; stop?: readonly ClockStage[] } | undefined,
  at: Date,
  deadline?: string,
  calendar?: WorkdayCalendar,
): SlaClock | undefined {
  const start = row?.start?.[0]
  if (start) return startClock(band, start, at, start === 'resolve' ? deadline : undefined, calendar)
  if (running && row?.stop?.includes(running.stage)) return undefined
  return running
}

/** When the clock must next look at a running stage: at 80 % to warn, at 100 % to mark it overdue, then never. */
export function clockDue(c: SlaClock | undefined): string | undefined {
  if (!c || c.mark === 'overdue') return undefined
  if (c.mark === 'warn') return c.deadline
  const start = Date.parse(c.startedAt)
  return new Date(start + Math.round((Date.parse(c.deadline) - start) * WARN_AT)).toISOString()
}

/** What the clock does at `now`: nothing yet, warn (黄牌), or mark overdue (红牌); a late sweep goes straight to overdue. */
export function clockStep(c: SlaClock | undefined, now: Date): 'warn' | 'overdue' | undefined {
  const due = clockDue(c)
  if (!c || !due || now.toISOString() < due) return undefined
  return now.toISOString() >= c.deadline ? 'overdue' : 'warn'
}

/** Whether `until` is a resolve deadline an extension may ask for: later than now and the current deadline, within the band's ceiling. */
export function extensionProblem(band: SlaBand, c: SlaClock | undefined, until: string, now: Date): string | undefined {
  if (!c || c.stage !== 'resolve') return '当前不在处置时限内，无需延期'
  if (until <= now.toISOString() || until <= c.deadline) return '延期后的期限必须晚于现在和原处置期限'
  const ceiling = Date.parse(c.startedAt) + extensionCeilingMinutes[band] * 60_000
  if (Date.parse(until) > ceiling)
    return `延期后的期限不能晚于 ${chinaTime(new Date(ceiling).toISOString())}（${slaBands[band].label}类最长 ${extensionCeilingMinutes[band] / 1440} 天）`
  return undefined
}
