import { locateGrid as route } from '@linli/shared'
import { endpoint } from '../stack'
import { locateGrid } from '../../services/district/grids'

export const handler = endpoint(route, ({ caller, query }, deps) => locateGrid(deps, caller.user.districtId, query.lat, query.lng))
