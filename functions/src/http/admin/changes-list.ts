import { adminChanges as route } from '@linli/shared'
import { endpoint } from '../stack'
import { changesPage } from '../../services/admin/catalogue'

export const handler = endpoint(route, ({ caller, query }, deps) => changesPage(deps, caller, query))
