/**
 * Running the outbox (DESIGN.md §5): an event is expanded step by step — each step asks the subject's family for the
 * notices of one page of recipients, creates them claimed (with their consent spent in the same write), writes the
 * next step as a new event (so the stream runs it, in parallel with this step's sends) and delivers.
 */
import type { Deps } from '../services/deps'
import type { NoticeDraft, NoticeRecord, OutboxEvent, Subject } from './ports'
import { LEASE_SECONDS, send } from './deliver'

/** One step of a family's fan-out: the notices of up to `limit` recipients, and where the next step starts. */
export type FanOut = (deps: Deps, event: OutboxEvent, limit: number) => Promise<{ notices: NoticeDraft[]; cursor?: string }>

export const STEP_SIZE = 50

/** The event a transition writes in its own transaction. */
export function outboxEvent(deps: Deps, districtId: string, subject: Subject, type: string, payload: Record<string, unknown>): OutboxEvent {
  const at = deps.clock().toISOString()
  return { districtId, subject, eventId: `${at}#${deps.newId().slice(0, 12)}`, type, payload, createdAt: at }
}

const nextStepId = (eventId: string) => {
  const [, base = eventId, page = '1'] = /^(.*)#p(\d+)$/.exec(eventId) ?? []
  return `${base}#p${Number(page) + 1}`
}

export async function runStep(deps: Deps, event: OutboxEvent, fanOut: FanOut): Promise<NoticeRecord[]> {
  const { notices: drafts, cursor } = await fanOut(deps, event, STEP_SIZE)
  const now = deps.clock()
  const lease = new Date(now.getTime() + LEASE_SECONDS * 1000).toISOString()
  const byRecipient = new Map(drafts.map((d) => [d.recipient.id, d]))
  const records = [...byRecipient.values()].map(
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
      createdAt: now.toISOString(),
      dueAt: lease,
    }),
  )
  const { claimed, noConsent } = records.length ? await deps.repos.outbox.createClaimed(records) : { claimed: [], noConsent: [] }
  const next = cursor ? { ...event, eventId: nextStepId(event.eventId), cursor, createdAt: now.toISOString() } : undefined
  await deps.repos.outbox.finishStep(event, next)
  return [...noConsent, ...(await send(deps, claimed))]
}
