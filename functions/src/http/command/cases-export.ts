import { commandCasesExport as route } from '@linli/shared'
import { endpoint } from '../stack'
import { exportCases } from '../../services/command/export'

export const handler = endpoint(route, ({ caller, query }, deps) => exportCases(deps, caller, query))
