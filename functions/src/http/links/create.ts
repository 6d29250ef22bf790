import { createHouseholdLink as route } from '@linli/shared'
import { endpoint } from '../stack'
import { requestLink } from '../../services/field/household-links'

export const handler = endpoint(route, ({ caller, body }, deps) => requestLink(deps, caller, body))
