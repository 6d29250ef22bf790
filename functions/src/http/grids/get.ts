import { getGrid as route } from '@linli/shared'
import { endpoint } from '../stack'
import { getGrid } from '../../services/district/grids'

export const handler = endpoint(route, ({ caller, params }, deps) => getGrid(deps, caller.user.districtId, params.id))
