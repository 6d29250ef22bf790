import { followCase as route } from '@linli/shared'
import { endpoint } from '../stack'
import { followCase } from '../../services/cases/events'

export const handler = endpoint(route, ({ caller, params }, deps) => followCase(deps, caller, params.id))
