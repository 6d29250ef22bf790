import { open311RequestSingular as route } from '@linli/shared'
import { endpoint } from '../stack'
import { requestRecord } from '../../services/interop/open311'

export const handler = endpoint(route, ({ params, query }, deps) => requestRecord(deps, params.service_request_id, query.jurisdiction_id))
