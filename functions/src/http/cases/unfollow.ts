import { unfollowCase as route } from '@linli/shared'
import { endpoint } from '../stack'
import { unfollowCase } from '../../services/cases/events'

export const handler = endpoint(route, ({ caller, params }, deps) => unfollowCase(deps, caller, params.id))
