import { putMediatorProfile as route } from '@linli/shared'
import { endpoint } from '../stack'
import { mediationDeps } from '../../services/mediation/family'
import { putMediatorProfile } from '../../services/mediation/rooms'

export const handler = endpoint(route, ({ caller, params, body }, deps) => putMediatorProfile(mediationDeps(deps), caller, params.id, body))
