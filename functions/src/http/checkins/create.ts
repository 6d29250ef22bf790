import { createCheckin as route } from '@linli/shared'
import { endpoint } from '../stack'
import { checkIn } from '../../services/field/checkins'

export const handler = endpoint(route, ({ caller, body, idempotencyKey }, deps) => checkIn(deps, caller, body, idempotencyKey))
