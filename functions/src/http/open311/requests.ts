import { open311Requests as route } from '@linli/shared'
import { endpoint } from '../stack'
import { requests } from '../../services/interop/open311'

export const handler = endpoint(route, ({ query }, deps) => requests(deps, query))
