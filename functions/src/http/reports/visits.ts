import { visitsReport as route } from '@linli/shared'
import { endpoint } from '../stack'
import { visitCoverage } from '../../services/field/checkins'

export const handler = endpoint(route, ({ caller, query }, deps) => visitCoverage(deps, caller, query))
