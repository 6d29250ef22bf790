import { nearbyCases as route } from '@linli/shared'
import { endpoint } from '../stack'
import { nearbyCases } from '../../services/cases/read'

export const handler = endpoint(route, ({ caller, query }, deps) => nearbyCases(deps, caller, query))
