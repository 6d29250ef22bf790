import { commandTrends as route } from '@linli/shared'
import { endpoint } from '../stack'
import { trends } from '../../services/command/watch'

export const handler = endpoint(route, ({ caller, query }, deps) => trends(deps, caller, query))
