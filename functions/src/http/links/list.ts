import { listHouseholdLinks as route } from '@linli/shared'
import { endpoint } from '../stack'
import { linkPage } from '../../services/field/household-links'

export const handler = endpoint(route, ({ caller, query }, deps) => linkPage(deps, caller, query))
