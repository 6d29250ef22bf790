import { partnersList as route } from '@linli/shared'
import { endpoint } from '../stack'
import { listPartners } from '../../services/interop/partners'

export const handler = endpoint(route, ({ caller }, deps) => listPartners(deps, caller))
