import { getHousehold as route } from '@linli/shared'
import { endpoint } from '../stack'
import { householdDetail } from '../../services/field/households'

export const handler = endpoint(route, ({ caller, params }, deps) => householdDetail(deps, caller, params.id))
