/**
 * What the case loop offers mediation (its `Disputes` port): a dispute case (矛盾纠纷) a resident books a session for,
 * and its closing when the mediation settles it.
 */
import type { Disputes } from '../mediation/ports'
import type { CasesDeps } from './ports'
import { closeByMediation, referredCase } from './events'

export const caseDisputes = (deps: CasesDeps): Disputes => ({
  referred: (caller, caseId) => referredCase(deps, caller, caseId),
  settled: (districtId, caseId, note) => closeByMediation(deps, districtId, caseId, note),
})
