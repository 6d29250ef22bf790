import { listRooms as route } from '@linli/shared'
import { endpoint } from '../stack'
import { mediationDeps } from '../../services/mediation/family'
import { listRooms } from '../../services/mediation/rooms'

export const handler = endpoint(route, ({ caller, query }, deps) => listRooms(mediationDeps(deps), caller, query))
