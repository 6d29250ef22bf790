import { putRoom as route } from '@linli/shared'
import { endpoint } from '../stack'
import { mediationDeps } from '../../services/mediation/family'
import { putRoom } from '../../services/mediation/rooms'

export const handler = endpoint(route, ({ caller, params, body }, deps) => putRoom(mediationDeps(deps), caller, params.id, body))
