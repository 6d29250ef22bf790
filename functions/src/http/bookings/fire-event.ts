import { fireBookingEvent as route } from '@linli/shared'
import { endpoint } from '../stack'
import { mediationDeps } from '../../services/mediation/family'
import { fireBookingEvent } from '../../services/mediation/events'

export const handler = endpoint(route, ({ caller, params, body }, deps) => fireBookingEvent(mediationDeps(deps), caller, params.id, body))
