import { logout as route } from '@linli/shared'
import { endpoint } from '../stack'
import { logout } from '../../services/identity/users'

export const handler = endpoint(route, ({ caller }, deps) => logout(deps, caller))
