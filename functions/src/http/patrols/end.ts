import { endPatrol as route } from '@linli/shared'
import { endpoint } from '../stack'
import { endPatrol } from '../../services/field/checkins'

export const handler = endpoint(route, ({ caller, params, body }, deps) => endPatrol(deps, caller, params.id, body))
