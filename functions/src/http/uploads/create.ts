import { createUpload as route } from '@linli/shared'
import { endpoint } from '../stack'
import { createUpload } from '../../services/uploads/uploads'

export const handler = endpoint(route, ({ caller, body }, deps) => createUpload(deps, caller, body))
