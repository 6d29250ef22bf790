import { exportHouseholds as route } from '@linli/shared'
import { endpoint } from '../stack'
import { exportRoster } from '../../services/field/roster'

export const handler = endpoint(route, ({ caller, query }, deps) => exportRoster(deps, caller, query.gridId))
