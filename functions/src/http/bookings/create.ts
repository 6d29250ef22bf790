import { createBooking as route } from '@linli/shared'
import { endpoint, idempotencyKey } from '../stack'
import { createBooking } from '../../services/mediation/bookings'

export const handler = endpoint(route, ({ caller, body, headers }, deps) => createBooking(deps, caller, body, idempotencyKey(headers)))
