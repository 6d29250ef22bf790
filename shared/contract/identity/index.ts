import { login, me } from './auth'
import { createInvite, redeemInvite } from './invites'

export const identityRoutes = { authLogin: login, meGet: me, invitesCreate: createInvite, invitesRedeem: redeemInvite } as const
