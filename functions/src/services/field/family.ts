/** Field work (巡查, 台账, 通知) as the platform composes it (functions/src/families.ts). */
import type { Family } from '../../family'
import { announcementFanOut } from './announcements'

export const fieldFamily: Family = {
  name: 'field',
  fanOuts: { announcement: announcementFanOut },
  hidesPhotos: (deps) => ({ announcement: deps.repos.announcements.hideImage }),
}
