/** Field work (巡查, 台账, 通知) as the platform composes it (functions/src/families.ts). */
import type { Family } from '../../family'
import { makeFieldEntities } from '../../db/field/entities'
import { makeAnnouncementEntities } from '../../db/field/announcement-entities'
import { makeFieldRepo } from '../../db/field/repo'
import { makeHouseholdsRepo } from '../../db/field/households-repo'
import { makeAnnouncementsRepo, makeHouseholdLinksRepo } from '../../db/field/announcements-repo'
import { fieldPatterns } from '../../db/field/patterns'
import type { AnnouncementsRepo, FieldRepo, HouseholdLinksRepo, HouseholdsRepo } from './ports'
import { announcementFanOut } from './announcements'
import { patrolsLeft } from './checkins'

interface FieldRepos {
  field: FieldRepo
  households: HouseholdsRepo
  announcements: AnnouncementsRepo
  householdLinks: HouseholdLinksRepo
}

export const fieldFamily: Family<ReturnType<typeof makeFieldEntities> & ReturnType<typeof makeAnnouncementEntities>, FieldRepos> = {
  name: 'field',
  storage: {
    entities: (table: Parameters<typeof makeFieldEntities>[0]) => ({ ...makeFieldEntities(table), ...makeAnnouncementEntities(table) }),
    repos: (e) => ({
      field: makeFieldRepo(e),
      households: makeHouseholdsRepo(e),
      announcements: makeAnnouncementsRepo(e),
      householdLinks: makeHouseholdLinksRepo(e),
    }),
  },
  patterns: fieldPatterns,
  fanOuts: { announcement: announcementFanOut },
  // A gridworker no longer of a grid ends the patrols they had open there.
  roleRevoked: patrolsLeft,
  hidesPhotos: (deps) => ({ announcement: deps.repos.announcements.hideImage }),
}
