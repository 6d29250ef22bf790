import { open311RequestCreate as route } from '@linli/shared'
import { endpoint } from '../stack'
import { submitAsPartner } from '../../services/interop/open311-submit'

export const handler = endpoint(route, ({ body }, deps) => submitAsPartner(deps, body))
