import { open311Services as route } from '@linli/shared'
import { endpoint } from '../stack'
import { services } from '../../services/interop/open311'

export const handler = endpoint(route, ({ query }, deps) => services(deps, query.jurisdiction_id))
