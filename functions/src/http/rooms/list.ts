import { listRooms as route } from '@linli/shared'
import { endpoint } from '../stack'
import { listRooms } from '../../services/mediation/rooms'

export const handler = endpoint(route, ({ caller, query }, deps) => listRooms(deps, caller, query))
