import { getMediator as route } from '@linli/shared'
import { endpoint } from '../stack'
import { mediationDeps } from '../../services/mediation/family'
import { getMediator } from '../../services/mediation/rooms'

export const handler = endpoint(route, ({ caller, params }, deps) => getMediator(mediationDeps(deps), caller, params.id))
