import { getPatrol as route } from '@linli/shared'
import { endpoint } from '../stack'
import { getPatrol } from '../../services/field/checkins'

export const handler = endpoint(route, ({ caller, params }, deps) => getPatrol(deps, caller, params.id))
