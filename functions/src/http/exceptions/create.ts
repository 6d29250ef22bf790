import { createException as route } from '@linli/shared'
import { endpoint } from '../stack'
import { createException } from '../../services/mediation/exceptions'

export const handler = endpoint(route, ({ caller, params, body }, deps) => createException(deps, caller, params.id, body))
