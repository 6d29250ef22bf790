import { putAvailability as route } from '@linli/shared'
import { endpoint } from '../stack'
import { mediationDeps } from '../../services/mediation/family'
import { putAvailability } from '../../services/mediation/rooms'

export const handler = endpoint(route, ({ caller, params, body }, deps) => putAvailability(mediationDeps(deps), caller, params.id, body.rules))
