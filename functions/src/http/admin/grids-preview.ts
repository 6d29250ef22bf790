import { adminGridsPreview as route } from '@linli/shared'
import { endpoint } from '../stack'
import { previewGrids } from '../../services/admin/grids'

export const handler = endpoint(route, ({ caller, body }, deps) => previewGrids(deps, caller, body))
