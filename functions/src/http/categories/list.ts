import { listCategories as route } from '@linli/shared'
import { endpoint } from '../stack'
import { listCategories } from '../../services/district/categories'

export const handler = endpoint(route, ({ caller }, deps) => listCategories(deps, caller.user.districtId))
