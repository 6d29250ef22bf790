import { getMediator as route } from '@linli/shared'
import { endpoint } from '../stack'
import { getMediator } from '../../services/mediation/rooms'

export const handler = endpoint(route, ({ caller, params }, deps) => getMediator(deps, caller, params.id))
