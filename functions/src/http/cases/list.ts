import { listCases as route } from '@linli/shared'
import { endpoint } from '../stack'
import { listCases } from '../../services/cases/read'

export const handler = endpoint(route, ({ caller, query }, deps) => listCases(deps, caller, query))
