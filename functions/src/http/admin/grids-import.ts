import { adminGridsImport as route } from '@linli/shared'
import { endpoint } from '../stack'
import { importGrids } from '../../services/admin/grids'

export const handler = endpoint(route, ({ caller, body }, deps) => importGrids(deps, caller, body))
