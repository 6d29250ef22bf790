import { commandCategories as route } from '@linli/shared'
import { endpoint } from '../stack'
import { categoriesOf } from '../../services/command/watch'

export const handler = endpoint(route, ({ caller, query }, deps) => categoriesOf(deps, caller, query))
