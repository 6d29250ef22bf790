import { me as route } from '@linli/shared'
import { endpoint } from '../stack'
import { userView } from '../../services/users'

export const handler = endpoint(route, ({ caller }, deps) => userView(deps, caller))
