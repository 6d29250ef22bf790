import { listDepartments as route } from '@linli/shared'
import { endpoint } from '../stack'
import { listDepartments } from '../../services/district/departments'

export const handler = endpoint(route, ({ caller }, deps) => listDepartments(deps, caller))
