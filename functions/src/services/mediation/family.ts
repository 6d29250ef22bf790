/** Mediation (说事室) as the platform composes it (functions/src/families.ts). */
import type { Family } from '../../family'
import { bookingFanOut } from './outbox'
import { bookingDue } from './events'

export const mediationFamily: Family = {
  name: 'mediation',
  fanOuts: { booking: bookingFanOut },
  due: { booking: bookingDue },
  // A mediator no longer of the room leaves its calendar: their weekly hours offer no more slots there.
  async roleRevoked(deps, { districtId, userId, userName, role, scopeId }) {
    if (role !== 'mediator') return
    const before = (await deps.repos.mediation.rules(districtId, scopeId, userId)).length
    if (before) await deps.repos.mediation.replaceRules(districtId, scopeId, { id: userId, name: userName }, before, [])
  },
}
