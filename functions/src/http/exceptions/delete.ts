import { deleteException as route } from '@linli/shared'
import { endpoint } from '../stack'
import { mediationDeps } from '../../services/mediation/family'
import { deleteException } from '../../services/mediation/exceptions'

export const handler = endpoint(route, ({ caller, params }, deps) => deleteException(mediationDeps(deps), caller, params.id, params.exceptionId))
