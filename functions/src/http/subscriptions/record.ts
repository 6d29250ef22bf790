import { recordSubscription as route } from '@linli/shared'
import { endpoint } from '../stack'
import { recordSubscription } from '../../notify/consents'

export const handler = endpoint(route, ({ caller, body }, deps) => recordSubscription(deps, caller, body.templateKey, body.result))
