import { listBookings as route } from '@linli/shared'
import { endpoint } from '../stack'
import { mediationDeps } from '../../services/mediation/family'
import { listBookings } from '../../services/mediation/bookings'

export const handler = endpoint(route, ({ caller, query }, deps) => listBookings(mediationDeps(deps), caller, query))
