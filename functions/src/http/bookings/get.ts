import { getBooking as route } from '@linli/shared'
import { endpoint } from '../stack'
import { mediationDeps } from '../../services/mediation/family'
import { getBookingDetail } from '../../services/mediation/bookings'

export const handler = endpoint(route, ({ caller, params }, deps) => getBookingDetail(mediationDeps(deps), caller, params.id))
