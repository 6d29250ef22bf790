/**
 * This family's part of the contract, as shared/families.ts composes it: its routes (by handler name), its error codes,
 * its permission actions (DESIGN.md §2) and its rows of the access matrix.
 */
import { submitCase, listCases, getCase, publicCase, fireCaseEvent, nearbyCases, followCase, unfollowCase, caseNotices } from './cases'
import { ratesReport } from './reports'
import { rule, type Permission } from '../../domain/permission-rules'
import { only, signedIn, rec, publicRecord, caseStaff, type RouteAccess } from '../../domain/access'

export const routes = {
  casesSubmit: submitCase,
  casesList: listCases,
  casesNearby: nearbyCases,
  casesGet: getCase,
  casesPublic: publicCase,
  casesFireEvent: fireCaseEvent,
  casesFollow: followCase,
  casesUnfollow: unfollowCase,
  casesNotices: caseNotices,
  reportsRates: ratesReport,
} as const

export { caseErrors as errors } from './errors'

export const permissions = {
  'cases.submit': rule.signedIn,
  'cases.resolveOnTheSpot': { roles: ['gridworker'], scope: 'node' },
  'cases.list': rule.signedIn,
  'cases.list.queue': { roles: ['dispatcher'], scope: 'node' },
  'cases.list.grid': { roles: ['gridworker', 'grid_leader'], scope: 'node' },
  // The command centre's drill-down: a grid's cases, for the dispatchers of a level above it and the district's leaders.
  'cases.list.watch': { roles: ['dispatcher', 'leader'], scope: 'node' },
  // 领导 reads every case of the district (and acts on none).
  'cases.watch': { roles: ['leader'], scope: 'district' },
  'cases.list.assigned': { roles: ['official'], scope: 'none' },
  'cases.nearby': rule.signedIn,
  'cases.read': rule.onRecord,
  /** A case's public view, as its share card opens it: anyone of the district, visitors too. */
  'cases.readPublic': rule.publicRead,
  'cases.fireEvent': rule.onRecord,
  'cases.follow': rule.onRecord,
  'cases.notices': { roles: ['dispatcher', 'official', 'gridworker', 'grid_leader'], scope: 'record' },
  // How staff stand to a case (the lifecycle's actors): the dispatchers of its level, the officials of its department
  // (an assignee keeps access only while holding that binding), the staff of its grid.
  'cases.dispatch': { roles: ['dispatcher'], scope: 'node' },
  'cases.handle': { roles: ['official'], scope: 'department' },
  'cases.gridwork': { roles: ['gridworker', 'grid_leader'], scope: 'node' },
  /** 督办: a dispatcher of the district itself watches over every case in it. */
  'cases.supervise': { roles: ['dispatcher'], scope: 'district' },
  /** 三率: a dispatcher reads their levels and those below, and the departments; an admin the whole district. */
  'reports.rates': { roles: ['dispatcher', 'admin'], scope: 'record' },
  'reports.rates.district': { roles: ['dispatcher', 'admin'], scope: 'district' },
} as const satisfies Record<string, Permission>

export const access = {
  casesSubmit: signedIn(201),
  casesList: signedIn(200),
  casesNearby: signedIn(200),
  // Strangers to a case see nothing of it; its reporter and its staff do.
  casesGet: { ...only(['resident', ...caseStaff], rec(200)), mediator: rec(404), admin: rec(404), leader: rec(200, 200) },
  // The probe escalates with a stale version: staff of the case may escalate (409 for the version), its reporter may not.
  // A case's public face (the share card): everyone of its district, visitors too; another district's is unknown.
  casesPublic: publicRecord,
  casesFireEvent: { ...only(caseStaff, rec(409)), resident: rec(403), mediator: rec(404), admin: rec(404), leader: rec(403, 403) },
  // "Me too" is open to anyone of the district on another's open case; the reporter follows their own already.
  casesFollow: { ...signedIn(rec(200, 200)), resident: rec(409, 200) },
  casesUnfollow: { ...signedIn(rec(200, 200)), resident: rec(409, 200) },
  casesNotices: only(caseStaff, rec(200)),
  // 三率 of a street: own is the dispatcher's street, foreign another street (the admin reads every one), other a node the district lacks.
  reportsRates: { ...only(['dispatcher', 'admin'], rec(200, 403)), admin: rec(200, 200) },
} as const satisfies Record<string, RouteAccess>
