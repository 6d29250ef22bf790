/** The case loop as the platform composes it (functions/src/families.ts). */
import type { Family } from '../../family'
import { makeCaseEntities } from '../../db/cases/entities'
import { makeCasesRepo } from '../../db/cases/repo'
import { makeRatesRepo } from '../../db/cases/rates-repo'
import { casePatterns } from '../../db/cases/patterns'
import type { CasesRepo, RatesRepo } from './ports'
import { caseFanOut } from './outbox'
import { caseDue } from './events'
import { handlersGone, officialLeft } from './revocation'

export const casesFamily: Family<ReturnType<typeof makeCaseEntities>, { cases: CasesRepo; rates: RatesRepo }> = {
  name: 'cases',
  storage: {
    entities: makeCaseEntities,
    repos: (e) => ({ cases: makeCasesRepo(e), rates: makeRatesRepo(e) }),
    dueSubjects: { Case: { kind: 'case', id: 'caseId' } },
  },
  patterns: casePatterns,
  // A handler a fan-out finds without their role leaves the case there and then.
  fanOuts: { case: (deps, event, limit) => caseFanOut(deps, event, limit, handlersGone) },
  due: { case: caseDue },
  hidesPhotos: (deps) => ({ case: deps.repos.cases.hidePhoto }),
  roleRevoked: officialLeft,
}
