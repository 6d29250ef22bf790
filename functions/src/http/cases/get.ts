import { getCase as route } from '@linli/shared'
import { endpoint } from '../stack'
import { getCaseDetail } from '../../services/cases/read'

export const handler = endpoint(route, ({ caller, params }, deps) => getCaseDetail(deps, caller, params.id))
