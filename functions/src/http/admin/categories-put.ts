import { adminCategoryPut as route } from '@linli/shared'
import { endpoint } from '../stack'
import { putCategory } from '../../services/admin/catalogue'

export const handler = endpoint(route, ({ caller, params, body }, deps) => putCategory(deps, caller, params.id, body))
