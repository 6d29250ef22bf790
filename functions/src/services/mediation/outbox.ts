/**
 * The mediation family's side of the outbox: the event a booking's transition writes (who hears of it, and the words
 * of the notices), and its fan-out — a booking has two people to tell, so one step always suffices.
 */
import { bookingLifecycle, bookingStatusLabels, chinaTime, outcomeLabels, specialtyLabels, type BookingAudience, type BookingTimelineType } from '@linli/shared'
import type { FanOut } from '../../notify/outbox'
import { outboxEvent } from '../../notify/outbox'
import type { NoticeDraft, OutboxEvent, Recipient } from '../../notify/ports'
import type { BookingRecord, MediationDeps } from './ports'

interface BookingPayload {
  audiences: readonly BookingAudience[]
  requester: Recipient
  /** The other party, once they joined. */
  respondent?: Recipient
  mediator: Recipient
  /** The room the mediator serves the booking in (absent on events written before it was kept). */
  roomId?: string
  /** The booking_request template's fields (the mediator hears of a new or moved request). */
  request: Record<string, string>
  status: Record<string, string>
  reminder: Record<string, string>
  /** The referred dispute a completed session closes, with the outcome for its timeline. */
  settles?: { caseId: string; note: string }
}

export function bookingEvent(
  deps: MediationDeps,
  b: BookingRecord,
  type: BookingTimelineType,
  audiences: readonly BookingAudience[],
  note?: string,
): OutboxEvent {
  const time = chinaTime(b.start)
  const payload: BookingPayload = {
    audiences,
    requester: { id: b.requesterId, name: b.requesterName },
    respondent: b.respondentId ? { id: b.respondentId, name: b.respondentName ?? '' } : undefined,
    mediator: { id: b.mediatorId, name: b.mediatorName },
    roomId: b.roomId,
    request: { room: b.roomName, time, dispute: specialtyLabels[b.disputeType], requester: b.requesterName },
    status: { room: b.roomName, time, status: bookingStatusLabels[b.status], note: note || bookingLifecycle.labels[type] },
    reminder: { room: b.roomName, time, address: b.roomAddress, note: `${b.mediatorName}调解员将与你说事，请准时到场` },
    settles: type === 'complete' && b.caseId && b.outcome ? { caseId: b.caseId, note: `${b.roomName}调解：${outcomeLabels[b.outcome]}` } : undefined,
  }
  return outboxEvent(deps, b.districtId, { kind: 'booking', id: b.bookingId }, type, payload as unknown as Record<string, unknown>)
}

/**
 * Whether the person still holds the mediator's role of the room, read at the step's time: the one binding (as a case
 * step reads its handlers'), or, for an event written before bookings named their room, all their roles.
 */
async function stillMediates(deps: MediationDeps, districtId: string, userId: string, roomId: string | undefined) {
  if (roomId) return (await deps.repos.users.holding(districtId, [{ userId, role: 'mediator', scopeId: roomId }])).has(userId)
  const holder = await deps.repos.users.getWithRoles(userId)
  return !!holder?.roles.some((r) => r.role === 'mediator' && r.districtId === districtId)
}

/** A booking has at most three people to tell: one step always suffices. A completed session closes its dispute case. */
export const bookingFanOut: FanOut<MediationDeps> = async (deps, event) => {
  const p = event.payload as unknown as BookingPayload
  if (p.settles) await deps.disputes.settled(event.districtId, p.settles.caseId, p.settles.note)
  const notices: NoticeDraft[] = []
  // The mediator hears of the booking only while still a mediator of its room: one whose role was taken back gets
  // no more booking_* messages (a follow-up due, a party's rating), whenever the event was written.
  const toMediator = p.audiences.includes('mediator') && (await stillMediates(deps, event.districtId, p.mediator.id, p.roomId))
  if (event.type === 'remind') {
    const to = [p.audiences.includes('requester') && p.requester, p.audiences.includes('respondent') && p.respondent, toMediator && p.mediator]
    // A follow-up due is the mediator's task: it reads as a status note, not as "come to the room".
    const fields = p.audiences.length === 1 ? { ...p.reminder, note: p.status.note ?? '' } : p.reminder
    return { notices: to.flatMap((recipient) => (recipient ? [{ recipient, templateKey: 'booking_reminder' as const, fields }] : [])) }
  }
  if (p.audiences.includes('requester')) notices.push({ recipient: p.requester, templateKey: 'booking_status', fields: p.status })
  if (p.audiences.includes('respondent') && p.respondent) notices.push({ recipient: p.respondent, templateKey: 'booking_status', fields: p.status })
  if (toMediator) {
    const asks = event.type === 'book' || event.type === 'reschedule'
    notices.push(
      asks
        ? { recipient: p.mediator, templateKey: 'booking_request', fields: p.request }
        : { recipient: p.mediator, templateKey: 'booking_status', fields: p.status },
    )
  }
  return { notices }
}
