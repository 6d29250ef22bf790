import { partnersRevoke as route } from '@linli/shared'
import { endpoint } from '../stack'
import { revokePartner } from '../../services/interop/partners'

export const handler = endpoint(route, ({ caller, params }, deps) => revokePartner(deps, caller, params.id))
