import { open311Request as route } from '@linli/shared'
import { endpoint } from '../stack'
import { request } from '../../services/interop/open311'

export const handler = endpoint(route, ({ params, query }, deps) => request(deps, params.service_request_id, query.jurisdiction_id))
