import { createHousehold as route } from '@linli/shared'
import { endpoint } from '../stack'
import { createHouseholdRecord } from '../../services/field/households'

export const handler = endpoint(route, ({ caller, body }, deps) => createHouseholdRecord(deps, caller, body))
