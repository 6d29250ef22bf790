import { getBooking as route } from '@linli/shared'
import { endpoint } from '../stack'
import { getBookingDetail } from '../../services/mediation/bookings'

export const handler = endpoint(route, ({ caller, params }, deps) => getBookingDetail(deps, caller, params.id))
