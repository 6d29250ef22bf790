/** Mediation (说事室) as the platform composes it (functions/src/families.ts). */
import type { Family } from '../../family'
import { makeMediationEntities } from '../../db/mediation/entities'
import { makeMediationRepo } from '../../db/mediation/repo'
import { mediationPatterns } from '../../db/mediation/patterns'
import type { Deps } from '../deps'
import { caseDisputes } from '../cases/disputes'
import type { MediationDeps, MediationRepo } from './ports'
import { bookingFanOut } from './outbox'
import { bookingDue, mediatorLeft } from './events'

/** Mediation's use cases' dependencies: the platform's, and the case loop's disputes port. */
export const mediationDeps = (deps: Deps): MediationDeps => ({ ...deps, disputes: caseDisputes(deps) })

export const mediationFamily: Family<ReturnType<typeof makeMediationEntities>, { mediation: MediationRepo }> = {
  name: 'mediation',
  storage: {
    entities: makeMediationEntities,
    repos: (e) => ({ mediation: makeMediationRepo(e) }),
    dueSubjects: { Booking: { kind: 'booking', id: 'bookingId' } },
  },
  patterns: mediationPatterns,
  fanOuts: { booking: (deps, event, limit) => bookingFanOut(mediationDeps(deps), event, limit) },
  due: { booking: (deps, districtId, id) => bookingDue(mediationDeps(deps), districtId, id) },
  // A mediator no longer of the room leaves its calendar and hands their sessions back.
  roleRevoked: (deps, revoked, page) => mediatorLeft(mediationDeps(deps), revoked, page),
}
