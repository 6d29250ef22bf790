import { createAnnouncement as route } from '@linli/shared'
import { endpoint } from '../stack'
import { publishAnnouncement } from '../../services/field/announcements'

export const handler = endpoint(route, ({ caller, body, idempotencyKey }, deps) => publishAnnouncement(deps, caller, body, idempotencyKey))
