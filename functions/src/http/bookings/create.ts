import { createBooking as route } from '@linli/shared'
import { endpoint } from '../stack'
import { mediationDeps } from '../../services/mediation/family'
import { createBooking } from '../../services/mediation/bookings'

export const handler = endpoint(route, ({ caller, body, idempotencyKey }, deps) => createBooking(mediationDeps(deps), caller, body, idempotencyKey))
