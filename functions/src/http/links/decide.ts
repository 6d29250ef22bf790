import { decideHouseholdLink as route } from '@linli/shared'
import { endpoint } from '../stack'
import { decideLink } from '../../services/field/household-links'

export const handler = endpoint(route, ({ caller, params, body }, deps) => decideLink(deps, caller, params.id, body.approve))
