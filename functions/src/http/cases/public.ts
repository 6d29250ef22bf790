import { publicCase as route } from '@linli/shared'
import { endpoint } from '../stack'
import { publicCaseView } from '../../services/cases/read'

export const handler = endpoint(route, ({ caller, params }, deps) => publicCaseView(deps, caller, params.id))
