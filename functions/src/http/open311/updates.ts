import { open311Updates as route } from '@linli/shared'
import { endpoint } from '../stack'
import { updates } from '../../services/interop/open311'

export const handler = endpoint(route, ({ query }, deps) => updates(deps, query))
