import { adminDepartmentPut as route } from '@linli/shared'
import { endpoint } from '../stack'
import { putDepartment } from '../../services/admin/catalogue'

export const handler = endpoint(route, ({ caller, params, body }, deps) => putDepartment(deps, caller, params.id, body))
