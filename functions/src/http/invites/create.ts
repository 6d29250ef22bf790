import { createInvite as route } from '@linli/shared'
import { endpoint } from '../stack'
import { createInvite } from '../../services/identity/invites'

export const handler = endpoint(route, ({ caller, body }, deps) => createInvite(deps, caller, body))
