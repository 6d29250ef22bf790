import { listExceptions as route } from '@linli/shared'
import { endpoint } from '../stack'
import { listExceptions } from '../../services/mediation/exceptions'

export const handler = endpoint(route, ({ caller, params, query }, deps) => listExceptions(deps, caller, params.id, query.from, query.to))
