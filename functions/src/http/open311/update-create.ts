import { open311UpdateCreate as route } from '@linli/shared'
import { endpoint } from '../stack'
import { updateAsPartner } from '../../services/interop/open311-submit'

export const handler = endpoint(route, ({ body }, deps) => updateAsPartner(deps, body))
