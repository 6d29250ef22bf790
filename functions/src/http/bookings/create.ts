import { createBooking as route } from '@linli/shared'
import { endpoint } from '../stack'
import { createBooking } from '../../services/mediation/bookings'

export const handler = endpoint(route, ({ caller, body, idempotencyKey }, deps) => createBooking(deps, caller, body, idempotencyKey))
