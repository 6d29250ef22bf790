import { login as route } from '@linli/shared'
import { endpoint } from '../stack'
import { login } from '../../services/identity/users'

export const handler = endpoint(route, ({ body }, deps) => login(deps, body.code))
