import { listHouseholds as route } from '@linli/shared'
import { endpoint } from '../stack'
import { householdPage } from '../../services/field/households'

export const handler = endpoint(route, ({ caller, query }, deps) => householdPage(deps, caller, query))
