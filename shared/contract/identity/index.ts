import { login, me } from './auth'
import { createInvite, redeemInvite } from './invites'

export const identityRoutes = { authLogin: login, me, invitesCreate: createInvite, invitesRedeem: redeemInvite } as const
