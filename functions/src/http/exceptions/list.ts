import { listExceptions as route } from '@linli/shared'
import { endpoint } from '../stack'
import { mediationDeps } from '../../services/mediation/family'
import { listExceptions } from '../../services/mediation/exceptions'

export const handler = endpoint(route, ({ caller, params, query }, deps) => listExceptions(mediationDeps(deps), caller, params.id, query.from, query.to))
