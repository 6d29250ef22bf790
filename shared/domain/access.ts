/**
 * The access matrix: what each role meets on each route of the contract, as data beside the permission table. The
 * integration test (functions/test/access-matrix.test.ts) sends every route as every role and compares; a route
 * missing here fails it, so a new route is covered the day it is added.
 *
 * A route that takes a record's id is tried on three records: one the caller stands to (`own`: their report or
 * booking, the case of their grid, level or department, the room they serve, their own profile), one of their
 * district they do not (`foreign`), and one of another district (`other`). A route without an id is tried once.
 * The status is what the caller gets: 401 unsigned, 403 the role may not, 404 the record is not theirs to know of;
 * a 409 on an own record means access was granted and the probe (a stale version, an unknown code, a state the
 * record is not in) stopped later, so nothing changes.
 */
import type { Role } from './roles'

export const matrixRoles = ['anonymous', 'resident', 'gridworker', 'grid_leader', 'dispatcher', 'official', 'mediator', 'admin'] as const
export type MatrixRole = (typeof matrixRoles)[number]
export type Subject = 'own' | 'foreign' | 'other'
/** One status for a route without an id; a status per record for a route with one. */
export type Expected = number | Readonly<Partial<Record<Subject, number>>>
export type RouteAccess = Readonly<Record<MatrixRole, Expected>>

const staff: readonly Role[] = ['gridworker', 'grid_leader', 'dispatcher', 'official']
const caseStaff = staff as readonly MatrixRole[]
const fieldStaff: readonly MatrixRole[] = ['gridworker', 'grid_leader']

/** `roles` get `yes`, the other signed-in roles `no`, the unsigned 401. */
function only(roles: readonly MatrixRole[], yes: Expected, no: Expected = 403): RouteAccess {
  return Object.fromEntries(matrixRoles.map((r) => [r, r === 'anonymous' ? 401 : roles.includes(r) ? yes : no])) as RouteAccess
}
const signedIn = (yes: Expected) => only(matrixRoles, yes)
const rec = (own: number, foreign = 404, other = 404) => ({ own, foreign, other })
/** The district's public face: a visitor who has not signed in reads it as everyone signed in does. */
const open = (yes: Expected): RouteAccess => ({ ...signedIn(yes), anonymous: yes })
/** A district's public record (a room, a mediator, a notice): everyone reads it; another district's is unknown. */
const publicRecord = open(rec(200, 200))

export const expectedAccess = {
  authLogin: { ...signedIn(200), anonymous: 200 },
  // Every signed-in user may end their own sessions (the probe signs out a fresh account, not the role's).
  authLogout: signedIn(200),
  meGet: signedIn(200),
  invitesCreate: only(['admin'], 201),
  invitesRedeem: signedIn(404),
  // A district admin takes back a staff role of their district: one held (own), one not held (foreign), another district's.
  rolesRevoke: only(['admin'], rec(200)),
  gridsTree: open(200),
  gridsGet: open({ own: 200 }),
  gridsLocate: open(200),
  categoriesList: signedIn(200),
  departmentsList: only(['dispatcher'], 200),
  uploadsCreate: signedIn(201),
  subscriptionsRecord: signedIn(200),
  subscriptionsList: signedIn(200),
  casesSubmit: signedIn(201),
  casesList: signedIn(200),
  casesNearby: signedIn(200),
  // Strangers to a case see nothing of it; its reporter and its staff do.
  casesGet: { ...only(['resident', ...caseStaff], rec(200)), mediator: rec(404), admin: rec(404) },
  // The probe escalates with a stale version: staff of the case may escalate (409 for the version), its reporter may not.
  // A case's public face (the share card): everyone of its district, visitors too; another district's is unknown.
  casesPublic: publicRecord,
  casesFireEvent: { ...only(caseStaff, rec(409)), resident: rec(403), mediator: rec(404), admin: rec(404) },
  // "Me too" is open to anyone of the district on another's open case; the reporter follows their own already.
  casesFollow: { ...signedIn(rec(200, 200)), resident: rec(409, 200) },
  casesUnfollow: { ...signedIn(rec(200, 200)), resident: rec(409, 200) },
  casesNotices: only(caseStaff, rec(200)),
  // 三率 of a street: own is the dispatcher's street, foreign another street (the admin reads every one), other a node the district lacks.
  reportsRates: { ...only(['dispatcher', 'admin'], rec(200, 403)), admin: rec(200, 200) },
  roomsList: open(200),
  roomsGet: publicRecord,
  roomsSlots: publicRecord,
  roomsPut: only(['admin'], { own: 200, foreign: 200 }),
  exceptionsList: publicRecord,
  // A mediator takes leave in their own room only; an admin closes any room of the district.
  exceptionsCreate: { ...only(['mediator', 'admin'], rec(201, 201)), mediator: rec(201, 403) },
  // Deleting what the caller made; another mediator's leave is not theirs to know of.
  exceptionsDelete: only(['mediator', 'admin'], rec(200)),
  availabilityPut: only(['mediator'], rec(200, 403)),
  mediatorsGet: publicRecord,
  // Own is the caller's own profile; another mediator's answers 404.
  mediatorsPut: only(['mediator'], rec(200)),
  bookingsCreate: signedIn(201),
  bookingsJoin: signedIn(404),
  bookingsList: signedIn(200),
  // A booking is its parties' and its mediator's; the probe of events cancels with a stale version.
  bookingsGet: only(['resident', 'mediator'], rec(200), rec(404)),
  bookingsFireEvent: only(['resident', 'mediator'], rec(409), rec(404)),
  bookingsCalendar: only(['resident', 'mediator'], rec(200), rec(404)),
  // No agreement before the session is held, so 404 for all (its parties' download is in mediation.test.ts).
  bookingsAgreement: signedIn(rec(404)),
  // Field work is the grid staff's: a check-in inside their grid; their own list; a patrol they started (own), another
  // gridworker's in another grid (foreign), one of another district (other).
  checkinsCreate: only(fieldStaff, 201),
  checkinsList: only(fieldStaff, 200),
  patrolsStart: only(fieldStaff, 200),
  patrolsEnd: only(fieldStaff, rec(200)),
  patrolsGet: only(fieldStaff, rec(200)),
  // The roster of the caller's grid (own), of another grid (foreign), of another district (other): its staff read and
  // change their own; the district admin reads every grid's, masked; the probe of an update sends a stale version.
  householdsList: { ...only(fieldStaff, 200), admin: 200 },
  householdsGet: { ...only(fieldStaff, rec(200)), admin: rec(200, 200) },
  householdsCreate: only(fieldStaff, 201),
  householdsUpdate: only(fieldStaff, rec(409)),
  householdsDelete: only(fieldStaff, rec(200)),
  // The probe names an upload that is not the caller's: the grid's staff get past the role check to a 400.
  householdsImport: only(fieldStaff, 400),
  householdsExport: only(fieldStaff, 200),
  reportsVisits: only(['grid_leader'], 200),
  auditList: only(['admin'], 200),
  // Notices of a grid: its staff publish and see who read them (own: their grid's notice; foreign: another grid's);
  // everyone of the district reads them and acknowledges; another district's is unknown.
  announcementsCreate: only(fieldStaff, 201),
  announcementsList: open(200),
  announcementsGet: publicRecord,
  announcementsRead: signedIn(rec(200, 200)),
  announcementsAck: signedIn(rec(200, 200)),
  announcementsStats: only(fieldStaff, rec(200)),
  // Anyone asks to be linked to their household and reads their own link; the grid's staff decide the grid's requests
  // (the probe approves a door that is not on the roster: 409, nothing changes).
  linksCreate: signedIn(201),
  linksList: signedIn(200),
  linksDecide: only(fieldStaff, rec(409)),
} as const satisfies Record<string, RouteAccess>
