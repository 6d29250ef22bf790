/**
 * The access matrix: what each role meets on each route of the contract, as data beside the permission table (each
 * family's `access` rows, composed in shared/families.ts). The
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

export const matrixRoles = ['anonymous', 'resident', 'gridworker', 'grid_leader', 'dispatcher', 'official', 'mediator', 'admin', 'leader'] as const
export type MatrixRole = (typeof matrixRoles)[number]
export type Subject = 'own' | 'foreign' | 'other'
/** One status for a route without an id; a status per record for a route with one. */
export type Expected = number | Readonly<Partial<Record<Subject, number>>>
export type RouteAccess = Readonly<Record<MatrixRole, Expected>>

const staff: readonly Role[] = ['gridworker', 'grid_leader', 'dispatcher', 'official']
export const caseStaff = staff as readonly MatrixRole[]
export const fieldStaff: readonly MatrixRole[] = ['gridworker', 'grid_leader']

/** `roles` get `yes`, the other signed-in roles `no`, the unsigned 401. */
export function only(roles: readonly MatrixRole[], yes: Expected, no: Expected = 403): RouteAccess {
  return Object.fromEntries(matrixRoles.map((r) => [r, r === 'anonymous' ? 401 : roles.includes(r) ? yes : no])) as RouteAccess
}
export const signedIn = (yes: Expected) => only(matrixRoles, yes)
export const rec = (own: number, foreign = 404, other = 404) => ({ own, foreign, other })
/** The district's public face: a visitor who has not signed in reads it as everyone signed in does. */
export const open = (yes: Expected): RouteAccess => ({ ...signedIn(yes), anonymous: yes })
/** A district's public record (a room, a mediator, a notice): everyone reads it; another district's is unknown. */
export const publicRecord = open(rec(200, 200))
