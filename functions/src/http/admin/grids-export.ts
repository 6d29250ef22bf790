import { adminGridsExport as route } from '@linli/shared'
import { endpoint } from '../stack'
import { exportGrids } from '../../services/admin/grids'

export const handler = endpoint(route, ({ caller }, deps) => exportGrids(deps, caller))
