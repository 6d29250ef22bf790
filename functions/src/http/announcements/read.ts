import { readAnnouncement as route } from '@linli/shared'
import { endpoint } from '../stack'
import { readAnnouncementOnce } from '../../services/field/announcements'

export const handler = endpoint(route, ({ caller, params, body }, deps) => readAnnouncementOnce(deps, caller, params.id, body))
