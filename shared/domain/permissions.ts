/**
 * Who may do what (DESIGN.md §2): every route names one action; the HTTP stack checks the roles, the service checks
 * the scope against the record it touches. `scope` says how:
 *  - `none`      holding one of the roles anywhere in the caller's district is enough;
 *  - `district`  a binding on the caller's district itself (a district admin);
 *  - `node` / `department` / `room`  a binding on the node, department or room the service names;
 *  - `record`    the service decides from the caller's standing to the record (reporter, assignee, the lifecycle).
 * Everyone signed in is a resident; `anyone` needs no sign-in. `guests` lets a visitor who has not signed in read as a
 * guest of the deployment's district (WeChat's rules: what is public is browsable before any sign-in).
 */
import type { Role } from './roles'

export type ScopeRule = 'none' | 'district' | 'node' | 'department' | 'room' | 'record'

export interface Permission {
  roles: readonly Role[] | 'anyone'
  scope: ScopeRule
  guests?: true
}

const signedIn = { roles: ['resident'], scope: 'none' } as const
const onRecord = { roles: ['resident'], scope: 'record' } as const
/** The district's public face: the grids and their 网格公示, the rooms and mediators, the notices of a grid. */
const publicRead = { roles: ['resident'], scope: 'none', guests: true } as const

export const permissions = {
  'session.create': { roles: 'anyone', scope: 'none' },
  'session.end': signedIn,
  'me.read': signedIn,
  'invites.create': { roles: ['admin'], scope: 'district' },
  'roles.revoke': { roles: ['admin'], scope: 'district' },
  'invites.redeem': signedIn,
  'grids.read': publicRead,
  'categories.read': signedIn,
  'departments.list': { roles: ['dispatcher'], scope: 'none' },
  'uploads.create': signedIn,
  'subscriptions.record': signedIn,
  'subscriptions.read': signedIn,
  'cases.submit': signedIn,
  'cases.resolveOnTheSpot': { roles: ['gridworker'], scope: 'node' },
  'cases.list': signedIn,
  'cases.list.queue': { roles: ['dispatcher'], scope: 'node' },
  'cases.list.grid': { roles: ['gridworker', 'grid_leader'], scope: 'node' },
  'cases.list.assigned': { roles: ['official'], scope: 'none' },
  'cases.nearby': signedIn,
  'cases.read': onRecord,
  /** A case's public view, as its share card opens it: anyone of the district, visitors too. */
  'cases.readPublic': publicRead,
  'cases.fireEvent': onRecord,
  'cases.follow': onRecord,
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
  // Mediation: rooms and mediators are public to the district's residents; a booking is read and moved by its
  // parties and its mediator (the lifecycle's actors); a mediator keeps the hours and the bookings of their rooms.
  'rooms.read': publicRead,
  'mediators.read': publicRead,
  'availability.manage': { roles: ['mediator'], scope: 'room' },
  'rooms.manage': { roles: ['admin'], scope: 'district' },
  // A mediator's leave and extra hours, or an admin's closure of a whole room: the service tells which it is.
  'exceptions.manage': { roles: ['mediator', 'admin'], scope: 'record' },
  'mediators.editProfile': { roles: ['mediator'], scope: 'none' },
  'bookings.create': signedIn,
  'bookings.join': signedIn,
  'bookings.list': signedIn,
  'bookings.list.mediator': { roles: ['mediator'], scope: 'room' },
  'bookings.read': onRecord,
  'bookings.fireEvent': onRecord,
  'bookings.mediate': { roles: ['mediator'], scope: 'room' },
  // Field work: a gridworker (or grid leader) checks in and patrols inside a grid they are bound to; a gridworker
  // reads their own check-ins and patrols, a grid leader those of their grids.
  'checkins.create': { roles: ['gridworker', 'grid_leader'], scope: 'node' },
  'checkins.list': { roles: ['gridworker', 'grid_leader'], scope: 'record' },
  'checkins.list.grid': { roles: ['grid_leader'], scope: 'node' },
  'patrols.manage': { roles: ['gridworker', 'grid_leader'], scope: 'node' },
  'patrols.read': { roles: ['gridworker', 'grid_leader'], scope: 'record' },
  // The roster is the grid's staff's (unmasked, each read audited); a district admin oversees it masked.
  'households.read': { roles: ['gridworker', 'grid_leader', 'admin'], scope: 'record' },
  'households.manage': { roles: ['gridworker', 'grid_leader'], scope: 'node' },
  'audit.read': { roles: ['admin'], scope: 'district' },
  // A resident asks to be linked to their household; the grid's staff approve (households.manage).
  'households.link': signedIn,
  // Notices of a grid: its staff publish and see who read them; anyone browses them; anyone signed in records a read
  // and acknowledges.
  'announcements.publish': { roles: ['gridworker', 'grid_leader'], scope: 'node' },
  'announcements.browse': publicRead,
  'announcements.read': signedIn,
  'announcements.stats': { roles: ['gridworker', 'grid_leader'], scope: 'node' },
  /** 走访覆盖: the grid leader's view of their grid's visits. */
  'reports.visits': { roles: ['grid_leader'], scope: 'node' },
} as const satisfies Record<string, Permission>

export type Action = keyof typeof permissions

export interface HeldBinding {
  role: Role
  scopeId: string
}

/**
 * Whether bindings allow `action` (on `scopeId` for scoped rules; `record` rules are the service's to finish).
 * `districtId` is the caller's district: every signed-in caller is a resident of it.
 */
export function permits(bindings: readonly HeldBinding[], districtId: string | undefined, action: Action, scopeId?: string): boolean {
  const p: Permission = permissions[action]
  if (p.roles === 'anyone') return true
  if (!districtId) return false
  const roles = p.roles
  const held = [{ role: 'resident' as Role, scopeId: districtId }, ...bindings].filter((b) => roles.includes(b.role))
  switch (p.scope) {
    case 'none':
    case 'record':
      return held.length > 0
    case 'district':
      return held.some((b) => b.scopeId === districtId)
    default:
      return scopeId === undefined ? held.length > 0 : held.some((b) => b.scopeId === scopeId)
  }
}

/** The scopes in which bindings allow a scoped action (e.g. the queues a dispatcher may read). */
export const scopesFor = (bindings: readonly HeldBinding[], action: Action): string[] => {
  const p: Permission = permissions[action]
  return p.roles === 'anyone' ? [] : bindings.filter((b) => (p.roles as readonly Role[]).includes(b.role)).map((b) => b.scopeId)
}
