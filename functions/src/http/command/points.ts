import { commandPoints as route } from '@linli/shared'
import { endpoint } from '../stack'
import { openPoints } from '../../services/command/points'

export const handler = endpoint(route, ({ caller, query }, deps) => openPoints(deps, caller, query))
