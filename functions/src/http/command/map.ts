import { commandMap as route } from '@linli/shared'
import { endpoint } from '../stack'
import { gridMap } from '../../services/command/watch'

export const handler = endpoint(route, ({ caller, query }, deps) => gridMap(deps, caller, query))
