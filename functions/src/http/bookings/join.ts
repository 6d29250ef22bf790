import { joinBooking as route } from '@linli/shared'
import { endpoint } from '../stack'
import { joinBooking } from '../../services/mediation/bookings'

export const handler = endpoint(route, ({ caller, body }, deps) => joinBooking(deps, caller, body.code, body.contactPhone))
