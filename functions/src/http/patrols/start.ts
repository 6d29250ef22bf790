import { startPatrol as route } from '@linli/shared'
import { endpoint } from '../stack'
import { startPatrol } from '../../services/field/checkins'

export const handler = endpoint(route, ({ caller, params, body }, deps) => startPatrol(deps, caller, params.id, body))
