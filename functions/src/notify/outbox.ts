/**
 * Running the outbox (DESIGN.md §5): an event is expanded step by step — each step asks the subject's family for the
 * notices of one page of recipients, creates them claimed (with their consent spent in the same write), writes the
 * next step as a new event (so the stream runs it) while it delivers.
 */
import type { Deps } from '../services/deps'
import type { NoticeDraft, NoticeRecord, OutboxEvent, Subject } from './ports'
import { settledAtMost } from '@linli/shared'
import { LEASE_SECONDS, send } from './deliver'

/**
 * One step of a family's fan-out: the notices of up to `limit` recipients, where the next step starts, work its
 * notices wait for (`ready`: what their links open, e.g. list entries; run beside creating the notices, which are sent
 * once it succeeded) and work no notice waits for (`later`: run beside the sends). The step is finished only once
 * both succeeded.
 */
export type FanOut<D = Deps> = (
  deps: D,
  event: OutboxEvent,
  limit: number,
) => Promise<{ notices: NoticeDraft[]; cursor?: string; ready?: () => Promise<unknown>; later?: () => Promise<unknown> }>

export const STEP_SIZE = 50
/** Fan-outs of one run at once (each a few reads and writes; the DynamoDB client holds 50 sockets). */
export const FAN_OUT_WIDTH = 16

/** The event a transition writes in its own transaction. */
export function outboxEvent(
  deps: Pick<Deps, 'clock' | 'newId'>,
  districtId: string,
  subject: Subject,
  type: string,
  payload: Record<string, unknown>,
): OutboxEvent {
  const at = deps.clock().toISOString()
  return { districtId, subject, eventId: `${at}#${deps.newId().slice(0, 12)}`, type, payload, createdAt: at }
}

const nextStepId = (eventId: string) => {
  const [, base = eventId, page = '1'] = /^(.*)#p(\d+)$/.exec(eventId) ?? []
  return `${base}#p${Number(page) + 1}`
}

/** Where a run's time went, in ms from its start: the fan-outs read, the notices created, handed over, sent. */
export type StepTimings = { events: number; notices: number; fannedOut: number; created: number; handed: number; sent: number }

/**
 * Runs one step of each event (a stream batch, or the steps the sweeper found due) together: the families' fan-outs
 * (FAN_OUT_WIDTH at a time), then all their notices created claimed in as few transactions as there are recipients' grants to spend,
 * the steps marked done (and the next ones written) in batches, and one round of sends. A fan-out that fails leaves
 * its step on the due index for the sweeper; the others go on.
 */
export async function runSteps(
  deps: Deps,
  batch: readonly OutboxEvent[],
  fanOutOf: (kind: string) => FanOut | undefined,
  timings?: StepTimings,
): Promise<NoticeRecord[]> {
  const started = performance.now()
  const mark = (phase: Exclude<keyof StepTimings, 'events' | 'notices'>) => timings && (timings[phase] = Math.round(performance.now() - started))
  // The same step twice in one batch (a stream retry meeting the sweeper) would put one item twice in a write.
  const events = [...new Map(batch.map((e) => [`${e.districtId}#${e.subject.kind}#${e.subject.id}#${e.eventId}`, e])).values()]
  const now = deps.clock()
  const at = now.toISOString()
  const lease = new Date(now.getTime() + LEASE_SECONDS * 1000).toISOString()
  // A stream batch may hold a thousand events: their fan-outs run FAN_OUT_WIDTH at a time, within the client's sockets.
  const expanded = await settledAtMost(events, FAN_OUT_WIDTH, async (event) => {
    const fanOut = fanOutOf(event.subject.kind)
    if (!fanOut) throw new Error(`outbox: no fan-out for subjects of kind ${event.subject.kind}`)
    return { event, ...(await fanOut(deps, event, STEP_SIZE)) }
  })
  mark('fannedOut')
  const steps = expanded.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))
  const later = Promise.allSettled(steps.map((s) => s.later?.()))
  const records = steps.flatMap(({ event, notices }) =>
    [...new Map(notices.map((d) => [d.recipient.id, d])).values()].map(
      (d): NoticeRecord => ({
        districtId: event.districtId,
        subject: event.subject,
        noticeId: `${event.eventId}#${d.recipient.id}`,
        eventId: event.eventId,
        event: event.type,
        recipientId: d.recipient.id,
        recipientName: d.recipient.name,
        templateKey: d.templateKey,
        fields: d.fields,
        state: 'sending',
        attempts: 0,
        createdAt: at,
        dueAt: lease,
      }),
    ),
  )
  const [{ claimed, noConsent }, ready] = await Promise.all([
    records.length ? deps.repos.outbox.createClaimed(records) : { claimed: [], noConsent: [] },
    Promise.allSettled(steps.map((s) => s.ready?.())),
  ])
  mark('created')
  if (timings) Object.assign(timings, { events: events.length, notices: claimed.length })
  // A step whose ready work failed sends nothing now: its notices stay claimed until their lease runs out, then the
  // sweeper sends them.
  const unready = new Set(steps.flatMap(({ event }, i) => (ready[i]!.status === 'rejected' ? [event.eventId] : [])))
  // Finishing the steps and sending need not wait for each other: a step left unfinished by a crash runs again and
  // finds its notices already created (nothing is sent twice, no grant spent twice).
  // A step whose ready or later work failed stays due, as one whose fan-out failed does.
  const [settled, outcomes] = await Promise.all([
    later.then(async (settled) => {
      const done = steps.filter(({ event }, i) => settled[i]!.status === 'fulfilled' && !unready.has(event.eventId))
      await deps.repos.outbox.finishSteps(
        done.map(({ event, cursor }) => ({ event, next: cursor ? { ...event, eventId: nextStepId(event.eventId), cursor, createdAt: at } : undefined })),
      )
      return settled
    }),
    send(
      deps,
      claimed.filter((n) => !unready.has(n.eventId)),
      () => mark('handed'),
    ).finally(() => mark('sent')),
  ])
  const failed = [...expanded, ...ready, ...settled].find((r): r is PromiseRejectedResult => r.status === 'rejected')
  if (failed) throw failed.reason
  return [...noConsent, ...outcomes]
}
