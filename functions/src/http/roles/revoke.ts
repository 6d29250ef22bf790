import { revokeRole as route } from '@linli/shared'
import { endpoint } from '../stack'
import { revokeRole } from '../../services/identity/invites'

export const handler = endpoint(route, ({ caller, params }, deps) => revokeRole(deps, caller, params))
