import { getRoom as route } from '@linli/shared'
import { endpoint } from '../stack'
import { mediationDeps } from '../../services/mediation/family'
import { getRoom } from '../../services/mediation/rooms'

export const handler = endpoint(route, ({ caller, params }, deps) => getRoom(mediationDeps(deps), caller, params.id))
