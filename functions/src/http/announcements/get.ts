import { getAnnouncement as route } from '@linli/shared'
import { endpoint } from '../stack'
import { announcementDetail } from '../../services/field/announcements'

export const handler = endpoint(route, ({ caller, params }, deps) => announcementDetail(deps, caller, params.id))
