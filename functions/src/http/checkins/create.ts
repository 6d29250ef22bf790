import { createCheckin as route } from '@linli/shared'
import { endpoint, idempotencyKey } from '../stack'
import { checkIn } from '../../services/field/checkins'

export const handler = endpoint(route, ({ caller, body, headers }, deps) => checkIn(deps, caller, body, idempotencyKey(headers)))
