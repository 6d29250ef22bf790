import { listAudit as route } from '@linli/shared'
import { endpoint } from '../stack'
import { auditPage } from '../../services/privacy/audit'

export const handler = endpoint(route, ({ caller, query }, deps) => auditPage(deps, caller, query))
