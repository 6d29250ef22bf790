import { fireCaseEvent as route } from '@linli/shared'
import { endpoint } from '../stack'
import { fireEvent } from '../../services/cases/events'

export const handler = endpoint(route, ({ caller, params, body }, deps) => fireEvent(deps, caller, params.id, body))
