import { caseNotices as route } from '@linli/shared'
import { endpoint } from '../stack'
import { caseNotices } from '../../services/cases/notices'

export const handler = endpoint(route, ({ caller, params }, deps) => caseNotices(deps, caller, params.id))
