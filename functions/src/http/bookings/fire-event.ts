import { fireBookingEvent as route } from '@linli/shared'
import { endpoint } from '../stack'
import { fireBookingEvent } from '../../services/mediation/events'

export const handler = endpoint(route, ({ caller, params, body }, deps) => fireBookingEvent(deps, caller, params.id, body))
