import { updateHousehold as route } from '@linli/shared'
import { endpoint } from '../stack'
import { updateHouseholdRecord } from '../../services/field/households'

export const handler = endpoint(route, ({ caller, params, body }, deps) => updateHouseholdRecord(deps, caller, params.id, body))
