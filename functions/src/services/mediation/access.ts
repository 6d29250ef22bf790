/** How a caller stands to a booking: its requester, the other party who joined, or its mediator while they hold a binding of its room. */
import type { BookingActor } from '@linli/shared'
import type { Caller } from '../identity/ports'
import { may } from '../authorize'
import type { BookingRecord } from './ports'

export function bookingActors(
  caller: Caller,
  b: Pick<BookingRecord, 'districtId' | 'requesterId' | 'respondentId' | 'mediatorId' | 'roomId'>,
): Set<BookingActor> {
  const actors = new Set<BookingActor>()
  if (caller.user.districtId !== b.districtId) return actors
  if (caller.user.id === b.requesterId) actors.add('requester')
  if (caller.user.id === b.respondentId) actors.add('respondent')
  if (caller.user.id === b.mediatorId && may(caller, 'bookings.mediate', b.roomId)) actors.add('mediator')
  return actors
}
