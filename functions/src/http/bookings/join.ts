import { joinBooking as route } from '@linli/shared'
import { endpoint } from '../stack'
import { mediationDeps } from '../../services/mediation/family'
import { joinBooking } from '../../services/mediation/bookings'

export const handler = endpoint(route, ({ caller, body }, deps) => joinBooking(mediationDeps(deps), caller, body.code, body.contactPhone))
