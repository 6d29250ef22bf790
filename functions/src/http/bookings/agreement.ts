import { agreementPdf as route } from '@linli/shared'
import { endpoint } from '../stack'
import { mediationDeps } from '../../services/mediation/family'
import { agreementFile } from '../../services/mediation/agreement'

export const handler = endpoint(route, ({ caller, params }, deps) => agreementFile(mediationDeps(deps), caller, params.id))
