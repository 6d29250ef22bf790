import { commandOverview as route } from '@linli/shared'
import { endpoint } from '../stack'
import { overview } from '../../services/command/watch'

export const handler = endpoint(route, ({ caller, query }, deps) => overview(deps, caller, query))
