import { adminStaff as route } from '@linli/shared'
import { endpoint } from '../stack'
import { staffPage } from '../../services/admin/staff'

export const handler = endpoint(route, ({ caller, query }, deps) => staffPage(deps, caller, query))
