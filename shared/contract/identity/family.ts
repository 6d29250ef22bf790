/**
 * This family's part of the contract, as shared/families.ts composes it: its routes (by handler name), its error codes,
 * its permission actions (DESIGN.md §2) and its rows of the access matrix.
 */
import { login, logout, me } from './auth'
import { createInvite, redeemInvite, revokeRole } from './invites'
import { rule, type Permission } from '../../domain/permission-rules'
import { only, signedIn, rec, type RouteAccess } from '../../domain/access'

export const routes = {
  authLogin: login,
  authLogout: logout,
  meGet: me,
  invitesCreate: createInvite,
  invitesRedeem: redeemInvite,
  rolesRevoke: revokeRole,
} as const

export { identityErrors as errors } from './errors'

export const permissions = {
  'session.create': { roles: 'anyone', scope: 'none' },
  'session.end': rule.signedIn,
  'me.read': rule.signedIn,
  'invites.create': { roles: ['admin'], scope: 'district' },
  'roles.revoke': { roles: ['admin'], scope: 'district' },
  'invites.redeem': rule.signedIn,
} as const satisfies Record<string, Permission>

export const access = {
  authLogin: { ...signedIn(200), anonymous: 200 },
  // Every signed-in user may end their own sessions (the probe signs out a fresh account, not the role's).
  authLogout: signedIn(200),
  meGet: signedIn(200),
  invitesCreate: only(['admin'], 201),
  invitesRedeem: signedIn(404),
  // A district admin takes back a staff role of their district: one held (own), one not held (foreign), another district's.
  rolesRevoke: only(['admin'], rec(200)),
} as const satisfies Record<string, RouteAccess>
