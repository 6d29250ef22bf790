import { listBookings as route } from '@linli/shared'
import { endpoint } from '../stack'
import { listBookings } from '../../services/mediation/bookings'

export const handler = endpoint(route, ({ caller, query }, deps) => listBookings(deps, caller, query))
