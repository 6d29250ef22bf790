/** Booking a session (race-free: the slot's claim commits with the booking) and reading bookings. */
import { randomInt } from 'node:crypto'
import {
  allowedBookingEvents,
  bookingLifecycle,
  DomainError,
  MAX_UPCOMING_BOOKINGS,
  upcomingStatuses,
  type BookingDetail,
  type BookingSummary,
  type Specialty,
} from '@linli/shared'
import type { KeyClaim } from '../idempotency/ports'
import type { Caller } from '../identity/ports'
import { authorize } from '../authorize'
import { decodeCursor, encodeCursor } from '../cursor'
import type { AgreementRecord, BookingRecord, BookingSummaryRecord, BookingTimelineRecord, MediationDeps } from './ports'
import { checkTexts } from '../moderation/content'
import { bookingActors } from './access'
import { claimKey, firstAnswer, stillConflicting } from '../idempotency/claim'
import { bookingEvent } from './outbox'
import { roomOf } from './rooms'
import { freeSlotsAt } from './slots'
import { eventProblem, HOUR } from './timing'
import { enforce, type Limit } from '../identity/limits'
import { audited } from '../privacy/audit'

export interface BookingInput {
  roomId: string
  mediatorId: string
  start: string
  disputeType: Specialty
  summary: string
  contactPhone?: string
  otherParty?: { name: string }
  caseId?: string
}

/** Draws of a fresh invite code when one drawn was taken (1 in 32^8 each). */
const INVITE_DRAWS = 3
const notFound = () => new DomainError('booking.notFound', [{ path: 'id', message: '预约不存在' }])
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
/** 8 letters and digits, without the look-alikes (0/O, 1/I): read aloud or typed from a card. */
const newInviteCode = () => Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')

export async function createBooking(deps: MediationDeps, caller: Caller, input: BookingInput, key?: string): Promise<BookingDetail> {
  const claim = claimKey(deps.clock(), caller, 'bookings.create', key, input)
  const first = async () => {
    const seen = claim && (await deps.repos.idempotency.answer(claim))
    return seen && replay(deps, caller, firstAnswer<{ bookingId: string }>(claim!, seen))
  }
  // A retried request finds its booking before its own claim makes the slot look taken; a twin racing this one may
  // take the slot between that look and the free times read after it: then the slot taken is the twin's.
  try {
    return (await first()) || (await book(deps, caller, input, claim))
  } catch (err) {
    if (claim && err instanceof DomainError && err.code === 'booking.slotTaken') return (await first()) || Promise.reject(err)
    throw err
  }
}

async function book(deps: MediationDeps, caller: Caller, input: BookingInput, claim: KeyClaim | undefined): Promise<BookingDetail> {
  const districtId = caller.user.districtId
  const room = await roomOf(deps, districtId, input.roomId, 'roomId')
  const [free] = await Promise.all([
    freeSlotsAt(deps, districtId, room, input.start, input.mediatorId),
    checkTexts(deps, caller, [
      { path: 'summary', text: input.summary, label: '纠纷简述' },
      { path: 'otherParty.name', text: input.otherParty?.name, label: '对方称呼' },
    ]),
    // A referred dispute: only its reporter books for it.
    input.caseId && deps.disputes.referred(caller, input.caseId),
  ])
  const now = deps.clock().toISOString()
  const bookingId = deps.newId()
  // The phone is personal information: sealed at rest, opened for its party and the mediator.
  const sealed = input.contactPhone ? await deps.pii.seal(districtId, bookingId, { contactPhone: input.contactPhone }) : undefined
  // "Any mediator": the free ones in turn, each claim atomic; a lost race moves on to the next.
  for (const slot of free) {
    const record: BookingRecord = {
      districtId,
      bookingId,
      status: 'requested',
      version: 1,
      roomId: room.id,
      roomName: room.name,
      roomAddress: room.address,
      mediatorId: slot.mediatorId,
      mediatorName: slot.mediatorName,
      start: slot.start,
      end: slot.end,
      date: slot.date,
      time: slot.time,
      requesterId: caller.user.id,
      requesterName: caller.user.name,
      ...(sealed ? { sealed } : {}),
      disputeType: input.disputeType,
      statement: input.summary,
      otherPartyName: input.otherParty?.name,
      caseId: input.caseId,
      inviteCode: '',
      reminded: 0,
      createdAt: now,
      updatedAt: now,
    }
    const item: BookingTimelineRecord = { at: now, type: 'book', to: 'requested', actorId: caller.user.id, actorName: caller.user.name }
    const row = bookingLifecycle.rows.find((r) => r.event === 'book')!
    const event = bookingEvent(deps, record, 'book', row.notify ?? [])
    for (let draw = 1; ; draw++) {
      record.inviteCode = newInviteCode()
      const written = await deps.repos.mediation.create(record, item, MAX_UPCOMING_BOOKINGS, event, claim)
      if (written.kind === 'written') return detailView(deps, caller, record, [item])
      if (written.kind === 'replay') return replay(deps, caller, firstAnswer<{ bookingId: string }>(claim!, written))
      if (written.kind === 'conflict') throw stillConflicting()
      if (written.failed.includes('upcoming'))
        throw new DomainError('booking.limitReached', [{ path: 'start', message: `每人最多同时有 ${MAX_UPCOMING_BOOKINGS} 个待进行的预约` }])
      if (written.failed.includes('slot')) break
      if (!written.failed.includes('invite') || draw >= INVITE_DRAWS) throw stillConflicting()
    }
  }
  throw new DomainError('booking.slotTaken', [{ path: 'start', message: '该时段刚被他人约走，请选择其他时段' }])
}

const replay = (deps: MediationDeps, caller: Caller, first: { bookingId: string }) => getBookingDetail(deps, caller, first.bookingId)

/** The booking as the caller may see it, or 404: another district's, or one the caller is no party to. */
export async function loadVisible(deps: MediationDeps, caller: Caller, bookingId: string) {
  const found = await deps.repos.mediation.get(caller.user.districtId, bookingId)
  if (!found || !bookingActors(caller, found.record).size) throw notFound()
  return found
}

export async function getBookingDetail(deps: MediationDeps, caller: Caller, bookingId: string): Promise<BookingDetail> {
  const { record, timeline } = await loadVisible(deps, caller, bookingId)
  return detailView(deps, caller, record, timeline)
}

const agreementFields = ({ number, facts, disputes, terms, performance }: AgreementRecord) => ({ number, facts, disputes, terms, performance })

const summaryView = (s: BookingSummaryRecord): BookingSummary => {
  const { bookingId, ...rest } = s
  return { id: bookingId, ...rest }
}

/**
 * The parties' phones the caller may see, opened from their seals; a mediator's opening of another's phone is
 * written to the audit log before the answer leaves.
 */
async function partyPhones(
  deps: MediationDeps,
  caller: Caller,
  b: BookingRecord,
  sees: Record<'contactPhone' | 'respondentPhone', boolean>,
  mediator: boolean,
): Promise<Partial<Record<'contactPhone' | 'respondentPhone', string>>> {
  const fields = (['contactPhone', 'respondentPhone'] as const).filter((f) => sees[f] && b.sealed?.[f])
  if (!fields.length) return {}
  const opened = await deps.pii.open(b.districtId, b.bookingId, Object.fromEntries(fields.map((f) => [f, b.sealed![f]!])))
  const own = (f: (typeof fields)[number]) => (f === 'contactPhone' ? b.requesterId : b.respondentId) === caller.user.id
  const others = fields.filter((f) => !own(f))
  if (mediator && others.length)
    await audited(deps, caller, {
      subject: 'booking',
      ids: [b.bookingId],
      fields: others,
      route: 'GET /v1/bookings/{id}',
    })
  return opened
}

export async function detailView(deps: MediationDeps, caller: Caller, b: BookingRecord, timeline: BookingTimelineRecord[]): Promise<BookingDetail> {
  const actors = bookingActors(caller, b)
  const room = await roomOf(deps, b.districtId, b.roomId)
  const now = deps.clock()
  // Each party's own details are for that party and the mediator only; the mediator's reading of a phone is audited.
  const seesRequester = actors.has('requester') || actors.has('mediator')
  const seesRespondent = actors.has('respondent') || actors.has('mediator')
  const phones = await partyPhones(deps, caller, b, { contactPhone: seesRequester, respondentPhone: seesRespondent }, actors.has('mediator'))
  return {
    ...summaryView(b),
    version: b.version,
    roomAddress: b.roomAddress,
    summary: seesRequester ? b.statement : undefined,
    contactPhone: phones.contactPhone,
    otherParty: b.otherPartyName ? { name: b.otherPartyName } : undefined,
    caseId: seesRequester ? b.caseId : undefined,
    respondent: b.respondentId ? { name: b.respondentName ?? '', contactPhone: phones.respondentPhone } : undefined,
    inviteCode: seesRequester && !b.respondentId && upcomingStatuses.includes(b.status) ? b.inviteCode : undefined,
    changeUntil: new Date(new Date(b.start).getTime() - room.cancelCutoffHours * HOUR).toISOString(),
    timeline: timeline.map(({ actorId: _a, ...t }) => t as BookingDetail['timeline'][number]),
    outcome: b.outcome,
    record: b.record,
    agreement: b.agreement && {
      ...agreementFields(b.agreement),
      confirmations: b.agreement.confirmations.map(({ name, at }) => ({ name, at })),
      confirmedByMe: b.agreement.confirmations.some((c) => c.userId === caller.user.id),
    },
    myRating: b.ratings?.find((r) => r.userId === caller.user.id)?.rating,
    followUp: b.followUp && { dueOn: b.followUp.dueOn, performance: b.followUp.performance, note: b.followUp.note, at: b.followUp.at },
    allowedEvents: allowedBookingEvents(b.status, actors).filter((type) => !eventProblem(type, actors, b, room, now, caller.user.id)),
  }
}

export async function listBookings(
  deps: MediationDeps,
  caller: Caller,
  q: { view: 'mine' | 'mediator'; when: 'upcoming' | 'past'; cursor?: string; limit: number },
) {
  if (q.view === 'mediator') authorize(caller, 'bookings.list.mediator', undefined, 'view', '只有调解员可以查看接待的预约')
  const list = { kind: q.view === 'mine' ? ('requester' as const) : ('mediator' as const), userId: caller.user.id }
  const name = `bookings:${q.view}:${q.when}:${caller.user.id}`
  const page = await deps.repos.mediation.list(
    caller.user.districtId,
    list,
    q.when,
    deps.clock().toISOString(),
    q.limit,
    decodeCursor(deps.cursorSecret, name, q.cursor),
  )
  return { items: page.items.map(summaryView), nextCursor: encodeCursor(deps.cursorSecret, name, page.lastKey) }
}

/** Invite codes one person may try in an hour when joining a booking: enough for typos, too few to guess one. */
export const JOIN_LIMIT: Limit = { name: 'bookings.join', label: '用邀请码加入预约', hour: 10 }

/** The other side joins with the invite code: they see the booking, hear of it, and may decline to take part. */
export async function joinBooking(deps: MediationDeps, caller: Caller, code: string, contactPhone?: string): Promise<BookingDetail> {
  const districtId = caller.user.districtId
  await enforce(deps, caller.user.id, JOIN_LIMIT)
  const invalid = () => new DomainError('booking.inviteNotFound', [{ path: 'code', message: '邀请码无效或预约已结束' }])
  const bookingId = await deps.repos.mediation.invite(districtId, code)
  const found = bookingId ? await deps.repos.mediation.get(districtId, bookingId) : undefined
  if (!found || !upcomingStatuses.includes(found.record.status)) throw invalid()
  const b = found.record
  if (b.respondentId === caller.user.id) return detailView(deps, caller, b, found.timeline)
  if (b.requesterId === caller.user.id || b.mediatorId === caller.user.id)
    throw new DomainError('request.invalid', [{ path: 'code', message: '不能以对方身份加入自己的预约' }])
  if (b.respondentId) throw new DomainError('booking.alreadyJoined', [{ path: 'code', message: '该预约已有对方当事人加入' }])
  const at = deps.clock().toISOString()
  const me = { id: caller.user.id, name: caller.user.name }
  const phone = contactPhone ? await deps.pii.seal(districtId, b.bookingId, { respondentPhone: contactPhone }) : {}
  const sealed = { ...b.sealed, ...phone }
  const after: BookingRecord = { ...b, respondentId: me.id, respondentName: me.name, sealed, version: b.version + 1, updatedAt: at }
  const item: BookingTimelineRecord = { at, type: 'join', actorId: me.id, actorName: me.name }
  if (!(await deps.repos.mediation.join(b, after, item, bookingEvent(deps, after, 'join', ['mediator'], `${me.name}已加入`)))) {
    const fresh = await deps.repos.mediation.get(districtId, b.bookingId)
    if (fresh?.record.respondentId === me.id) return detailView(deps, caller, fresh.record, fresh.timeline)
    throw new DomainError(fresh?.record.respondentId ? 'booking.alreadyJoined' : 'booking.conflict', [
      { path: 'code', message: '该预约刚刚发生了变化，请刷新后重试' },
    ])
  }
  return detailView(deps, caller, after, [...found.timeline, item])
}
