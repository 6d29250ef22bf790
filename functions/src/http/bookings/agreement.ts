import { agreementPdf as route } from '@linli/shared'
import { endpoint } from '../stack'
import { agreementFile } from '../../services/mediation/agreement'

export const handler = endpoint(route, ({ caller, params }, deps) => agreementFile(deps, caller, params.id))
