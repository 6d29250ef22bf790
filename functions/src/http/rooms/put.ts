import { putRoom as route } from '@linli/shared'
import { endpoint } from '../stack'
import { putRoom } from '../../services/mediation/rooms'

export const handler = endpoint(route, ({ caller, params, body }, deps) => putRoom(deps, caller, params.id, body))
