import { getRoom as route } from '@linli/shared'
import { endpoint } from '../stack'
import { getRoom } from '../../services/mediation/rooms'

export const handler = endpoint(route, ({ caller, params }, deps) => getRoom(deps, caller, params.id))
