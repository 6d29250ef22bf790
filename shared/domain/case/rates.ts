/**
 * 三率 (response, resolution and satisfaction rates) as the clock recorded them (DESIGN.md §3 "SLA clock"): each
 * transition adds to a day's counts of its district, street, community, grid and department; rates are read from the counts.
 */
import type { CaseStatus, CaseTimelineType } from './lifecycle'
import type { SlaClock } from './sla'

export const rateCounts = [
  'received',
  'accepted',
  'acceptedInTime',
  'dispatched',
  'dispatchedInTime',
  'resolved',
  'resolvedInTime',
  'overdue',
  'escalated',
  'extended',
  'reopened',
  'supervised',
  'rated',
  'ratingSum',
  'satisfied',
] as const
export type RateCount = (typeof rateCounts)[number]
export type Tally = Partial<Record<RateCount, number>>

/** The levels a day's counts are kept for. */
export const rateLevels = ['district', 'street', 'community', 'grid', 'department'] as const
export type RateLevel = (typeof rateLevels)[number]

/** A rating of 4 or 5 is a satisfied resident (满意). */
export const SATISFIED_FROM = 4

export interface TallyInput {
  event: CaseTimelineType
  /** A new case (submitted, resolved on the spot or auto-dispatched at once). */
  isNew: boolean
  /** The clock before the transition and when it happened. */
  clock?: SlaClock
  at: string
  /** The clock's own side door (an automatic escalation is a missed deadline too). */
  byClock: boolean
  rating?: number
}

/** What one transition adds to the counts: a stage done (and whether before its deadline), a mark, a rating. */
export function tallyOf(t: TallyInput): Tally {
  const inTime = (stage: SlaClock['stage']) => (!t.clock || t.clock.stage !== stage || t.at <= t.clock.deadline ? 1 : 0)
  const tally: Tally = t.isNew ? { received: 1 } : {}
  const add = (more: Tally) => Object.assign(tally, more)
  switch (t.event) {
    case 'accept':
    case 'reject':
      return add({ accepted: 1, acceptedInTime: inTime('accept') })
    case 'dispatch':
      // An auto-dispatched emergency is accepted and dispatched at once.
      return add(t.isNew ? { accepted: 1, acceptedInTime: 1, dispatched: 1, dispatchedInTime: 1 } : { dispatched: 1, dispatchedInTime: inTime('dispatch') })
    case 'refer':
      return add({ dispatched: 1, dispatchedInTime: inTime('dispatch') })
    case 'resolve':
      return add({ resolved: 1, resolvedInTime: inTime('resolve') })
    case 'overdue':
      return add({ overdue: 1 })
    case 'escalate':
      return add(t.byClock ? { escalated: 1, overdue: 1 } : { escalated: 1 })
    case 'approve_extension':
      return add({ extended: 1 })
    case 'reopen':
      return add({ reopened: 1 })
    case 'supervise':
      return add({ supervised: 1 })
    case 'confirm':
      return t.rating ? add({ rated: 1, ratingSum: t.rating, satisfied: t.rating >= SATISFIED_FROM ? 1 : 0 }) : tally
    default:
      return tally
  }
}

export type Counts = Record<RateCount, number>
export const zeroCounts = (): Counts => Object.fromEntries(rateCounts.map((k) => [k, 0])) as Counts

/** The counts of several days or months added up. */
export function sumCounts(many: Iterable<Counts>): Counts {
  const total = zeroCounts()
  for (const c of many) for (const k of rateCounts) total[k] += c[k]
  return total
}

/** The rates of summed counts, as shares 0–1 (absent where nothing was counted). */
export function ratesOf(c: Counts) {
  const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : undefined)
  return {
    acceptRate: share(c.acceptedInTime, c.accepted),
    dispatchRate: share(c.dispatchedInTime, c.dispatched),
    resolveRate: share(c.resolvedInTime, c.resolved),
    satisfactionRate: share(c.satisfied, c.rated),
    averageRating: c.rated ? Math.round((c.ratingSum / c.rated) * 100) / 100 : undefined,
  }
}

/**
 * What a node has in hand now (在办: submitted, accepted, dispatched or being handled) and how much of it is past its
 * stage's deadline (超期). Kept as gauges the stream moves by the difference each transition makes, so a dashboard
 * reads one item per node instead of counting cases.
 */
export const gaugeCounts = ['open', 'openOverdue'] as const
export type GaugeCount = (typeof gaugeCounts)[number]
export type Gauge = Record<GaugeCount, number>
export const zeroGauge = (): Gauge => ({ open: 0, openOverdue: 0 })

/** The statuses of a case in hand (在办). */
export const inHandStatuses: readonly CaseStatus[] = ['submitted', 'accepted', 'dispatched', 'in_progress']

/** What one case adds to its nodes' gauges in the state it is in. */
export function gaugeOf(c: { status: CaseStatus; sla?: SlaClock } | undefined): Gauge {
  const open = c && inHandStatuses.includes(c.status) ? 1 : 0
  return { open, openOverdue: open && c?.sla?.mark === 'overdue' ? 1 : 0 }
}

/** Where a case's counts go: its grid (and so its street and district) and its department. */
export interface Placement {
  gridId: string
  departmentId?: string
}

/** How a transition moves the gauges: what leaves the old placement and what arrives at the new one (one move when it stayed). */
export function gaugeMoves(
  before: (Placement & { status: CaseStatus; sla?: SlaClock }) | undefined,
  after: Placement & { status: CaseStatus; sla?: SlaClock },
): { placement: Placement; delta: Gauge }[] {
  const [was, is] = [gaugeOf(before), gaugeOf(after)]
  const moves =
    before && (before.gridId !== after.gridId || before.departmentId !== after.departmentId)
      ? [
          { placement: { gridId: before.gridId, departmentId: before.departmentId }, delta: { open: 0 - was.open, openOverdue: 0 - was.openOverdue } },
          { placement: { gridId: after.gridId, departmentId: after.departmentId }, delta: is },
        ]
      : [
          {
            placement: { gridId: after.gridId, departmentId: after.departmentId },
            delta: { open: is.open - was.open, openOverdue: is.openOverdue - was.openOverdue },
          },
        ]
  return moves.filter((m) => m.delta.open || m.delta.openOverdue)
}
