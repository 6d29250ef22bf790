import { deleteHousehold as route } from '@linli/shared'
import { endpoint } from '../stack'
import { deleteHouseholdRecord } from '../../services/field/households'

export const handler = endpoint(route, ({ caller, params }, deps) => deleteHouseholdRecord(deps, caller, params.id))
