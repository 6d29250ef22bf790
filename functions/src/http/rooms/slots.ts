import { roomSlots as route } from '@linli/shared'
import { endpoint } from '../stack'
import { roomSlots } from '../../services/mediation/rooms'

export const handler = endpoint(route, ({ caller, params, query }, deps) => roomSlots(deps, caller, params.id, query))
