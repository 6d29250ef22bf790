import { partnersCreate as route } from '@linli/shared'
import { endpoint } from '../stack'
import { createPartner } from '../../services/interop/partners'

export const handler = endpoint(route, ({ caller, body }, deps) => createPartner(deps, caller, body.name))
