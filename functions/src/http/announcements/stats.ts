import { announcementStats as route } from '@linli/shared'
import { endpoint } from '../stack'
import { readingStats } from '../../services/field/announcements'

export const handler = endpoint(route, ({ caller, params, query }, deps) => readingStats(deps, caller, params.id, query))
