import { putMediatorProfile as route } from '@linli/shared'
import { endpoint } from '../stack'
import { putMediatorProfile } from '../../services/mediation/rooms'

export const handler = endpoint(route, ({ caller, params, body }, deps) => putMediatorProfile(deps, caller, params.id, body))
