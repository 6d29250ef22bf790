import { importHouseholds as route } from '@linli/shared'
import { endpoint } from '../stack'
import { importRoster } from '../../services/field/roster'

export const handler = endpoint(route, ({ caller, body }, deps) => importRoster(deps, caller, body))
