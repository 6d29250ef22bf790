import { me as route } from '@linli/shared'
import { endpoint } from '../stack'
import { userView } from '../../services/identity/users'

export const handler = endpoint(route, ({ caller }, deps) => userView(deps, caller))
