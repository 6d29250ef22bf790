import { listCheckins as route } from '@linli/shared'
import { endpoint } from '../stack'
import { checkinsPage } from '../../services/field/checkins'

export const handler = endpoint(route, ({ caller, query }, deps) => checkinsPage(deps, caller, query))
