import { redeemInvite as route } from '@linli/shared'
import { endpoint } from '../stack'
import { redeemInvite } from '../../services/identity/invites'

export const handler = endpoint(route, ({ caller, body }, deps) => redeemInvite(deps, caller, body.code))
