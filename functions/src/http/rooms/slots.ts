import { roomSlots as route } from '@linli/shared'
import { endpoint } from '../stack'
import { mediationDeps } from '../../services/mediation/family'
import { roomSlots } from '../../services/mediation/rooms'

export const handler = endpoint(route, ({ caller, params, query }, deps) => roomSlots(mediationDeps(deps), caller, params.id, query))
