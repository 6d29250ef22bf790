import { gridTree as route } from '@linli/shared'
import { endpoint } from '../stack'
import { gridTree } from '../../services/district/grids'

export const handler = endpoint(route, ({ caller }, deps) => gridTree(deps, caller.user.districtId))
