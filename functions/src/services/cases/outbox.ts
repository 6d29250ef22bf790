/**
 * The case family's side of the outbox: the one event a transition writes (its payload names who is to hear of it
 * and carries the words of the notices), and the fan-out that expands it page by page into list entries and notices.
 */
import {
  caseEventLabels,
  caseStatusLabels,
  chinaDate,
  chinaTime,
  clockStageLabels,
  gaugeMoves,
  lineOf,
  tallyOf,
  type Audience,
  type Gauge,
  type Placement,
  type CaseProgressTemplate,
  type CaseStatus,
  type CaseTimelineType,
  type RateLevel,
  type SlaClock,
  type Tally,
} from '@linli/shared'
import { publicSummaryOf, summaryOf } from '@linli/shared'
import type { FanOut } from '../../notify/outbox'
import { outboxEvent } from '../../notify/outbox'
import type { NoticeDraft, OutboxEvent, Recipient } from '../../notify/ports'
import type { CaseList, CaseRecord, CasesDeps, CaseSummaryRecord } from './ports'
import type { NodeRecord } from '../district/ports'

export type Handler = Recipient & { departmentId?: string }
/** Takes handlers whose role was taken back off the case (the family's revocation part, given by the family). */
export type HandlersGone = (deps: CasesDeps, districtId: string, caseId: string, gone: Handler[]) => Promise<void>

interface CasePayload {
  summary: CaseSummaryRecord & { districtId: string; version: number }
  audiences: readonly Audience[]
  reporter: Recipient
  /** Each with the department they handle it for, whose binding is checked again when the step runs. */
  assignees: Handler[]
  /** Assignees the transition took the case away from: their list entries go. */
  dropped: string[]
  /** Followers when the transition committed (it is conditioned on this count, so none is missed). */
  followers: number
  progress: Record<string, string>
  /** What a follower is told: the public face only (the event's label, status, time), never a note written for the case's own people. */
  publicProgress?: Record<string, string>
  /** 受理, 派单 or 办结: the template the reporter and the followers hear this transition by. */
  progressTemplate: CaseProgressTemplate
  dispatch: Record<string, string>
  /** The words of a clock, extension or supervision notice to staff (case_alert); absent for handling events. */
  alert?: Record<string, string>
  /** The level whose dispatchers hear of it. */
  levelNodeId: string
  /**
   * What the transition adds to the day's 三率 counts of its grid, street, district and department; absent when it
   * adds nothing (an empty map would not survive DynamoDB Local's stream).
   */
  rates?: { day: string; gridId: string; departmentId: string; categoryId?: string; tally: Tally }
  /** How the transition moves the 在办 and 超期 gauges of where the case was and where it is; absent when they stay. */
  gauges?: { placement: Placement; delta: Gauge }[]
}

type Cursor = { phase: 'assignees'; offset: number } | { phase: 'dispatchers'; after?: string } | { phase: 'followers'; after?: string }

/** Events staff hear of as an alert (时限、延期、督办), not as a new work order. */
const alertEvents: readonly CaseTimelineType[] = [
  'warn',
  'overdue',
  'escalate',
  'request_extension',
  'approve_extension',
  'decline_extension',
  'supervise',
  'finish_task',
  'unassign',
]

/** Everyone handling a case: the lead department's officials, then each co-department's (联办), once each. */
function handlersOf(c: CaseRecord | undefined): Handler[] {
  if (!c) return []
  const all = [c, ...(c.tasks ?? [])].flatMap((h) => h.assigneeIds.map((id, i) => ({ id, name: h.assigneeNames[i] ?? '', departmentId: h.departmentId })))
  return all.filter((h, i) => all.findIndex((x) => x.id === h.id) === i)
}

/**
 * The event of one transition (from `before`, which may be absent for a new case, to `after`). `clock` is the clock
 * the transition ended (a new case's: the one its submission started); `byClock` says the clock fired it.
 */
export function caseEvent(
  deps: CasesDeps,
  before: CaseRecord | undefined,
  after: CaseRecord,
  type: CaseTimelineType,
  audiences: readonly Audience[],
  note?: string,
  { clock = before?.sla, byClock = false }: { clock?: SlaClock; byClock?: boolean } = {},
): OutboxEvent {
  // Flagged text waits for a dispatcher: it never leaves in a message.
  const place = after.flagged ? after.gridName : (after.address ?? after.description)
  const handlers = handlersOf(after)
  const tally = tallyOf({ event: type, isNew: !before, clock, at: after.updatedAt, byClock, rating: type === 'confirm' ? after.rating : undefined })
  const moves = gaugeMoves(before, after)
  const payload: CasePayload = {
    summary: { ...summaryOf(after), districtId: after.districtId, version: after.version },
    audiences,
    reporter: { id: after.reporterId, name: after.reporterName },
    assignees: handlers,
    dropped: handlersOf(before).flatMap((h) => (handlers.some((a) => a.id === h.id) ? [] : [h.id])),
    followers: after.followerCount,
    progressTemplate: progressTemplateOf(after.status),
    progress: {
      number: after.number,
      status: caseStatusLabels[after.status],
      note: (!after.flagged && note) || caseEventLabels[type],
      time: chinaTime(after.updatedAt),
    },
    publicProgress: { number: after.number, status: caseStatusLabels[after.status], note: caseEventLabels[type], time: chinaTime(after.updatedAt) },
    dispatch: { number: after.number, category: after.categoryName, place, deadline: chinaTime(after.resolveBy) },
    // Dispatchers hear of what comes back to them as an alert, whatever brought it (a reopen nobody handles any more).
    alert:
      alertEvents.includes(type) || audiences.includes('dispatchers')
        ? {
            number: after.number,
            note: `${caseEventLabels[type]}：${after.sla ? clockStageLabels[after.sla.stage] : caseStatusLabels[after.status]}`,
            deadline: chinaTime(after.sla?.deadline ?? after.resolveBy),
          }
        : undefined,
    levelNodeId: after.levelNodeId,
    rates: Object.keys(tally).length
      ? { day: chinaDate(after.updatedAt), gridId: after.gridId, departmentId: after.departmentId, categoryId: after.categoryId, tally }
      : undefined,
    gauges: moves.length ? moves : undefined,
  }
  return outboxEvent(deps, after.districtId, { kind: 'case', id: after.caseId }, type, payload as unknown as Record<string, unknown>)
}

/**
 * One step: first the reporter and a page of assignees (their "my work orders" entries, the dropped ones removed),
 * then pages of followers (their "my reports" entries). Every step writes at most `limit` notices.
 */
export const caseFanOut = async (deps: CasesDeps, event: OutboxEvent, limit: number, gone?: HandlersGone): ReturnType<FanOut> => {
  const step = await noticesOf(deps, event, limit, gone)
  const p = event.payload as unknown as CasePayload
  // The counters wait for no notice: they are written beside the sends, and the step is finished once they are.
  return !event.cursor && (p.rates || p.gauges) ? { ...step, later: () => count(deps, event, p) } : step
}

async function noticesOf(deps: CasesDeps, event: OutboxEvent, limit: number, gone?: HandlersGone): ReturnType<FanOut> {
  const p = event.payload as unknown as CasePayload
  let cursor: Cursor = event.cursor ? JSON.parse(event.cursor) : { phase: 'assignees', offset: 0 }
  const notices: NoticeDraft[] = []
  // The list entries the notices open: written beside the notices, before they are sent.
  const entries: [CaseSummaryRecord & { districtId: string; version: number }, CaseList[]][] = []
  const step = (next?: Cursor) => ({
    notices,
    cursor: next && JSON.stringify(next),
    ready: () => Promise.all(entries.map(([summary, lists]) => deps.repos.cases.putEntries(summary, lists))),
  })
  let room = limit
  if (cursor.phase === 'assignees') {
    const first = cursor.offset === 0
    if (first && p.audiences.includes('reporter')) {
      notices.push({ recipient: p.reporter, templateKey: p.progressTemplate, fields: p.progress })
      room--
    }
    const slice = p.assignees.slice(cursor.offset, cursor.offset + room)
    const [page] = await Promise.all([
      stillHandling(deps, event, slice),
      first &&
        deps.repos.cases.dropEntries(
          { districtId: event.districtId, caseId: event.subject.id, version: p.summary.version },
          p.dropped.map((userId) => ({ kind: 'assigned', userId })),
        ),
    ])
    const lost = slice.filter((h) => !page.includes(h))
    if (lost.length) await gone?.(deps, event.districtId, event.subject.id, lost)
    entries.push([p.summary, page.map((a) => ({ kind: 'assigned', userId: a.id }))])
    if (p.audiences.includes('assignees'))
      notices.push(...page.map((a) => (p.alert ? alertTo(a, p.alert) : { recipient: a, templateKey: 'case_dispatch' as const, fields: p.dispatch })))
    room -= page.length
    const offset = cursor.offset + slice.length
    if (offset < p.assignees.length) return step({ phase: 'assignees', offset })
    const next: Cursor = p.audiences.includes('dispatchers') && p.alert ? { phase: 'dispatchers' } : { phase: 'followers' }
    if (room <= 0) return step(next)
    cursor = next
  }
  if (cursor.phase === 'dispatchers') {
    const page = await deps.repos.users.holders(event.districtId, p.levelNodeId, 'dispatcher', { limit: room, after: cursor.after })
    notices.push(...page.items.map((d) => alertTo({ id: d.userId, name: d.name }, p.alert!)))
    if (page.next) return step({ phase: 'dispatchers', after: page.next })
    room -= page.items.length
    if (room <= 0) return step({ phase: 'followers' })
  }
  if (!p.followers) return step()
  const after = cursor.phase === 'followers' ? cursor.after : undefined
  const followers = await deps.repos.cases.followers(event.districtId, event.subject.id, { limit: room, after })
  entries.push([publicSummaryOf(p.summary), followers.items.map((f) => ({ kind: 'mine', userId: f.id }))])
  // A follower reads the case as a stranger does: the event's label, never the reason or result written for its people.
  const told = p.publicProgress ?? { ...p.progress, note: p.progress.status ?? '' }
  if (p.audiences.includes('followers')) notices.push(...followers.items.map((f) => ({ recipient: f, templateKey: p.progressTemplate, fields: told })))
  return step(followers.next ? { phase: 'followers', after: followers.next } : undefined)
}

/**
 * The handlers of a page who still hold their official's role of the department, read when the step runs: one whose
 * role was taken back after the event was written gets no list entry and no message (issue "Trust, second round"),
 * and leaves the case then (`gone`), should the revocation's own step have looked before their entry was written.
 */
async function stillHandling(deps: CasesDeps, event: OutboxEvent, page: Handler[]) {
  const holding = await deps.repos.users.holding(
    event.districtId,
    page.flatMap((h) => (h.departmentId ? [{ userId: h.id, role: 'official' as const, scopeId: h.departmentId }] : [])),
  )
  // An event written before handlers carried their department is sent as it was.
  return page.filter((h) => !h.departmentId || holding.has(h.id))
}

/** The state a transition reaches tells which of the three progress templates it is heard by. */
function progressTemplateOf(status: CaseStatus): CaseProgressTemplate {
  if (status === 'dispatched' || status === 'in_progress') return 'case_dispatched'
  return status === 'resolved' || status === 'closed' ? 'case_resolved' : 'case_accepted'
}

const alertTo = (recipient: Recipient, fields: Record<string, string>): NoticeDraft => ({ recipient, templateKey: 'case_alert', fields })

/** The nodes a case's counts go to: its district, street, community, grid and department. */
function nodesOf(nodes: readonly NodeRecord[], districtId: string, { gridId, departmentId }: Placement) {
  const line = lineOf(nodes, gridId)
  const levels: { level: RateLevel; nodeId: string | undefined }[] = [
    { level: 'district', nodeId: districtId },
    { level: 'street', nodeId: line.find((n) => n.level === 'street')?.id },
    { level: 'community', nodeId: line.find((n) => n.level === 'community')?.id },
    { level: 'grid', nodeId: gridId },
    { level: 'department', nodeId: departmentId },
  ]
  return levels.flatMap((l) => (l.nodeId ? [{ level: l.level, nodeId: l.nodeId }] : []))
}

/** The transition's counts on its day and month at every level, and its moves of the gauges: written once. */
async function count(deps: CasesDeps, event: OutboxEvent, p: CasePayload) {
  const { nodes } = await deps.catalogue(event.districtId)
  // A move out of one placement and into another meet at the district (and maybe the street): one item per node.
  const byNode = new Map<string, { level: RateLevel; nodeId: string; delta: Gauge }>()
  for (const { placement, delta } of p.gauges ?? [])
    for (const n of nodesOf(nodes, event.districtId, placement)) {
      const at = byNode.get(`${n.level}#${n.nodeId}`) ?? { ...n, delta: { open: 0, openOverdue: 0 } }
      byNode.set(`${n.level}#${n.nodeId}`, { ...at, delta: { open: at.delta.open + delta.open, openOverdue: at.delta.openOverdue + delta.openOverdue } })
    }
  const { rates } = p
  await deps.repos.rates.count(
    event,
    {
      day: rates?.day ?? chinaDate(new Date(event.createdAt)),
      nodes: rates ? nodesOf(nodes, event.districtId, rates) : [],
      tally: rates?.tally,
      category: rates?.tally.received && rates.categoryId ? { gridId: rates.gridId, categoryId: rates.categoryId } : undefined,
      gauges: [...byNode.values()],
    },
    deps.clock(),
  )
}
