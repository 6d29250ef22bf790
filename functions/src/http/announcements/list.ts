import { listAnnouncements as route } from '@linli/shared'
import { endpoint } from '../stack'
import { announcementPage } from '../../services/field/announcements'

export const handler = endpoint(route, ({ caller, query }, deps) => announcementPage(deps, caller, query))
