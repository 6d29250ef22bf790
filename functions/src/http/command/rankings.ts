import { commandRankings as route } from '@linli/shared'
import { endpoint } from '../stack'
import { rankings } from '../../services/command/watch'

export const handler = endpoint(route, ({ caller, query }, deps) => rankings(deps, caller, query))
