import { listSubscriptions as route } from '@linli/shared'
import { endpoint } from '../stack'
import { listGrants } from '../../notify/consents'

export const handler = endpoint(route, ({ caller }, deps) => listGrants(deps, caller))
