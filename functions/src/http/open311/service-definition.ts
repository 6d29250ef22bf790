import { open311ServiceDefinition as route } from '@linli/shared'
import { endpoint } from '../stack'
import { serviceDefinition } from '../../services/interop/open311'

export const handler = endpoint(route, ({ params, query }, deps) => serviceDefinition(deps, params.service_code, query.jurisdiction_id))
