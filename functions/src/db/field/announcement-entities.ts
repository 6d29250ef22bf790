/**
 * Entities of notices to households: the notice (its list fields in `summary`, on its grid's list), per reader a read
 * item, per (group, reader) a group read, per household of the roster how it stands, sharded counts; the groups bound
 * to grids; residents' links to their households and each household's count of linked residents.
 */
import { Entity } from 'dynamodb-toolbox/entity'
import { item } from 'dynamodb-toolbox/schema/item'
import { string } from 'dynamodb-toolbox/schema/string'
import { number } from 'dynamodb-toolbox/schema/number'
import { any } from 'dynamodb-toolbox/schema/any'
import type { LinliTable } from '../table'
import { keys } from '../keys'

const inAnnouncement = () => ({ districtId: string().key(), announcementId: string().key() })

export function makeAnnouncementEntities(table: LinliTable) {
  const Announcement = new Entity({
    name: 'Announcement',
    table,
    timestamps: false,
    schema: item({ ...inAnnouncement(), gridId: string(), summary: any(), gsi1pk: string(), gsi1sk: string() }),
    computeKey: ({ districtId, announcementId }) => ({ pk: keys.announcement(districtId, announcementId), sk: keys.announcementItem }),
  })

  const AnnouncementRead = new Entity({
    name: 'AnnouncementRead',
    table,
    timestamps: false,
    schema: item({
      ...inAnnouncement(),
      userId: string().key(),
      userName: string(),
      readAt: string(),
      ackAt: string().optional(),
      householdId: string().optional(),
    }),
    computeKey: ({ districtId, announcementId, userId }) => ({ pk: keys.announcement(districtId, announcementId), sk: keys.announcementRead(userId) }),
  })

  const GroupRead = new Entity({
    name: 'GroupRead',
    table,
    timestamps: false,
    schema: item({ ...inAnnouncement(), opengid: string().key(), userId: string().key(), at: string() }),
    computeKey: ({ districtId, announcementId, opengid, userId }) => ({
      pk: keys.announcement(districtId, announcementId),
      sk: keys.announcementGroupRead(opengid, userId),
    }),
  })

  /** How a household of the roster stands to a notice: the first read and acknowledgement of its linked residents. */
  const HouseholdRead = new Entity({
    name: 'HouseholdRead',
    table,
    timestamps: false,
    schema: item({ ...inAnnouncement(), householdId: string().key(), readAt: string().optional(), ackAt: string().optional() }),
    computeKey: ({ districtId, announcementId, householdId }) => ({
      pk: keys.announcement(districtId, announcementId),
      sk: keys.announcementHousehold(householdId),
    }),
  })

  const AnnouncementCount = new Entity({
    name: 'AnnouncementCount',
    table,
    timestamps: false,
    schema: item({ ...inAnnouncement(), shard: number().key(), reads: number(), acks: number() }),
    computeKey: ({ districtId, announcementId, shard }) => ({ pk: keys.announcement(districtId, announcementId), sk: keys.announcementCount(shard) }),
  })

  const GroupCount = new Entity({
    name: 'GroupCount',
    table,
    timestamps: false,
    schema: item({ ...inAnnouncement(), opengid: string().key(), shard: number().key(), reads: number() }),
    computeKey: ({ districtId, announcementId, opengid, shard }) => ({
      pk: keys.announcement(districtId, announcementId),
      sk: keys.announcementGroup(opengid, shard),
    }),
  })

  const WechatGroup = new Entity({
    name: 'WechatGroup',
    table,
    timestamps: false,
    schema: item({ districtId: string().key(), opengid: string().key(), gridId: string(), boundBy: string(), boundAt: string() }),
    computeKey: ({ districtId, opengid }) => ({ pk: keys.wechatGroup(districtId, opengid), sk: keys.wechatGroupItem }),
  })

  /** A resident's link to a household: `summary` is the record (the door sealed), on its grid's list by status (gsi1). */
  const HouseholdLink = new Entity({
    name: 'HouseholdLink',
    table,
    timestamps: false,
    schema: item({ districtId: string().key(), userId: string().key(), status: string(), summary: any(), gsi1pk: string(), gsi1sk: string() }),
    computeKey: ({ districtId, userId }) => ({ pk: keys.householdLink(districtId, userId), sk: keys.householdLinkItem }),
  })

  const HouseholdMembers = new Entity({
    name: 'HouseholdMembers',
    table,
    timestamps: false,
    schema: item({ districtId: string().key(), householdId: string().key(), count: number() }),
    computeKey: ({ districtId, householdId }) => ({ pk: keys.household(districtId, householdId), sk: keys.householdMembersItem }),
  })

  return { Announcement, AnnouncementRead, GroupRead, HouseholdRead, AnnouncementCount, GroupCount, WechatGroup, HouseholdLink, HouseholdMembers }
}
