import { ratesReport as route } from '@linli/shared'
import { endpoint } from '../stack'
import { readRates } from '../../services/cases/rates'

export const handler = endpoint(route, ({ caller, query }, deps) => readRates(deps, caller, query))
