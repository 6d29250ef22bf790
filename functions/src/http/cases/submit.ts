import { submitCase as route } from '@linli/shared'
import { endpoint, idempotencyKey } from '../stack'
import { submit } from '../../services/cases/submit'

export const handler = endpoint(route, ({ caller, body, headers }, deps) => submit(deps, caller, body, idempotencyKey(headers)))
