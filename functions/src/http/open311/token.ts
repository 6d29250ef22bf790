import { open311Token as route } from '@linli/shared'
import { endpoint } from '../stack'
import { token } from '../../services/interop/open311'

export const handler = endpoint(route, ({ params, query }, deps) => token(deps, params.token_id, query.jurisdiction_id))
