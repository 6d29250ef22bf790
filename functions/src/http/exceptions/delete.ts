import { deleteException as route } from '@linli/shared'
import { endpoint } from '../stack'
import { deleteException } from '../../services/mediation/exceptions'

export const handler = endpoint(route, ({ caller, params }, deps) => deleteException(deps, caller, params.id, params.exceptionId))
