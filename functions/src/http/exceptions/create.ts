import { createException as route } from '@linli/shared'
import { endpoint } from '../stack'
import { mediationDeps } from '../../services/mediation/family'
import { createException } from '../../services/mediation/exceptions'

export const handler = endpoint(route, ({ caller, params, body }, deps) => createException(mediationDeps(deps), caller, params.id, body))
