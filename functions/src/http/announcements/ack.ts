import { ackAnnouncement as route } from '@linli/shared'
import { endpoint } from '../stack'
import { acknowledge } from '../../services/field/announcements'

export const handler = endpoint(route, ({ caller, params }, deps) => acknowledge(deps, caller, params.id))
