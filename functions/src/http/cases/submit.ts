import { submitCase as route } from '@linli/shared'
import { endpoint } from '../stack'
import { submit } from '../../services/cases/submit'

export const handler = endpoint(route, ({ caller, body, idempotencyKey }, deps) => submit(deps, caller, body, { idempotencyKey }))
