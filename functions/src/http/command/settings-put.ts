import { commandSettingsPut as route } from '@linli/shared'
import { endpoint } from '../stack'
import { putSettings } from '../../services/command/watch'

export const handler = endpoint(route, ({ caller, body }, deps) => putSettings(deps, caller, body))
