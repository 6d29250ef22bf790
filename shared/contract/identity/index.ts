import { login, logout, me } from './auth'
import { createInvite, redeemInvite, revokeRole } from './invites'

export const identityRoutes = {
  authLogin: login,
  authLogout: logout,
  meGet: me,
  invitesCreate: createInvite,
  invitesRedeem: redeemInvite,
  rolesRevoke: revokeRole,
} as const
