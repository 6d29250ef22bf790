import { open311Discovery as route } from '@linli/shared'
import { endpoint } from '../stack'
import { discovery } from '../../services/interop/open311'

export const handler = endpoint(route, async ({ headers }) => discovery(`https://${headers.host ?? 'localhost'}`))
