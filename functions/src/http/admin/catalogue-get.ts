import { adminCatalogue as route } from '@linli/shared'
import { endpoint } from '../stack'
import { catalogueView } from '../../services/admin/catalogue'

export const handler = endpoint(route, ({ caller }, deps) => catalogueView(deps, caller))
