import { commandSettingsGet as route } from '@linli/shared'
import { endpoint } from '../stack'
import { readSettings } from '../../services/command/watch'

export const handler = endpoint(route, ({ caller }, deps) => readSettings(deps, caller))
