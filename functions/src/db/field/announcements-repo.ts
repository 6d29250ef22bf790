/**
 * Storage of notices to households and of residents' links to them. A notice is written with its outbox event; a
 * first read is one transaction of at most three items (the reader's read, a count shard, the household's state), a
 * group read another of two, so no write grows with the readers and concurrent readers rarely meet on one item.
 */
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import { $add, $get } from 'dynamodb-toolbox/entity/actions/update'
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite'
import { BatchGetCommand, execute as batchGet } from 'dynamodb-toolbox/table/actions/batchGet'
import type { Entities } from '../entities'
import { countShardOf, keys } from '../keys'
import { fieldPatterns } from './patterns'
import { committed, committedDespiteConflicts, conditional } from '../transact'
import { outboxEventItem } from '../notify/outbox-repo'
import { keyedWrite } from '../idempotency/repo'
import type { AnnouncementRecord, AnnouncementsRepo, HouseholdLinkRecord, HouseholdLinksRepo, ReadRecord } from '../../services/field/ports'

export function makeAnnouncementsRepo(e: Entities): AnnouncementsRepo {
  const announcements = e.Announcement.build(EntityRepository)
  const reads = e.AnnouncementRead.build(EntityRepository)
  const groupReads = e.GroupRead.build(EntityRepository)
  const householdReads = e.HouseholdRead.build(EntityRepository)
  const counts = e.AnnouncementCount.build(EntityRepository)
  const groupCounts = e.GroupCount.build(EntityRepository)
  const groups = e.WechatGroup.build(EntityRepository)
  const p = fieldPatterns(e)
  const readOf = (i: { userId: string; userName: string; readAt: string; ackAt?: string; householdId?: string }): ReadRecord => ({
    userId: i.userId,
    userName: i.userName,
    readAt: i.readAt,
    ackAt: i.ackAt,
    householdId: i.householdId,
  })

  return {
    async publish(a, event, claim) {
      return keyedWrite(e, claim, { announcementId: a.announcementId }, () => ({
        announcement: announcements.transactPut(
          {
            districtId: a.districtId,
            announcementId: a.announcementId,
            gridId: a.gridId,
            summary: a,
            gsi1pk: keys.announcementsOfGrid(a.districtId, a.gridId),
            gsi1sk: keys.changed(a.publishedAt, a.announcementId),
          },
          { condition: { attr: 'announcementId', exists: false } },
        ),
        event: e.OutboxEvent.build(EntityRepository).transactPut(outboxEventItem(event)),
      }))
    },

    /** Access pattern "an announcement": GetItem `<d>#ANNOUNCEMENT#id / ANNOUNCEMENT`. */
    async get(districtId, announcementId) {
      const { Item } = await announcements.get({ districtId, announcementId })
      return Item?.summary as AnnouncementRecord | undefined
    },

    /** Access pattern "announcements of a grid": one page, newest first. */
    async list(districtId, gridId, limit, startKey) {
      const { Items = [], LastEvaluatedKey } = await p['announcements of a grid']
        .query({ districtId, gridId })
        .options((o) => ({ ...o, limit, exclusiveStartKey: startKey }))
        .send()
      return { items: Items.map((i) => i.summary as AnnouncementRecord), lastKey: LastEvaluatedKey }
    },

    /** The notice rewritten without the photo (the list shows `summary`, so the photo leaves it there too). */
    async hideImage(districtId, announcementId, imageKey) {
      const { Item } = await announcements.get({ districtId, announcementId }, { consistent: true })
      if (!Item) return
      const summary = Item.summary as AnnouncementRecord
      await announcements.put({ ...Item, summary: { ...summary, imageKeys: summary.imageKeys.filter((k) => k !== imageKey) } })
    },

    /** Access pattern "a reader's reads": BatchGetItem of the reader's read item in each notice of a page (≤ 50). */
    async readsOf(districtId, userId, ids) {
      if (!ids.length) return new Map()
      const { Responses } = await batchGet(
        { maxAttempts: 5 },
        e.table.build(BatchGetCommand).requests(...ids.map((announcementId) => reads.batchGet({ districtId, announcementId, userId }))),
      )
      return new Map((Responses?.[0] ?? []).flatMap((i) => (i ? [[i.announcementId, readOf(i)] as const] : [])))
    },

    async read(districtId, announcementId, r) {
      const at = { districtId, announcementId }
      const first = await committedDespiteConflicts(() =>
        execute(
          reads.transactPut({ ...at, ...r }, { condition: { attr: 'userId', exists: false } }),
          counts.transactUpdate({ ...at, shard: countShardOf(r.userId), reads: $add(1), acks: $add(0) }),
          ...(r.householdId ? [householdReads.transactUpdate({ ...at, householdId: r.householdId, readAt: $get('readAt', r.readAt) })] : []),
        ),
      )
      if (first) return r
      const { Item } = await reads.get({ ...at, userId: r.userId }, { consistent: true })
      return Item ? readOf(Item) : r
    },

    async groupRead(districtId, announcementId, opengid, userId, at) {
      const key = { districtId, announcementId }
      await committedDespiteConflicts(() =>
        execute(
          groupReads.transactPut({ ...key, opengid, userId, at }, { condition: { attr: 'userId', exists: false } }),
          groupCounts.transactUpdate({ ...key, opengid, shard: countShardOf(userId), reads: $add(1) }),
        ),
      )
    },

    ack: (districtId, announcementId, r, ackAt) =>
      committedDespiteConflicts(() =>
        execute(
          reads.transactUpdate(
            { districtId, announcementId, userId: r.userId, ackAt },
            {
              condition: {
                and: [
                  { attr: 'readAt', exists: true },
                  { attr: 'ackAt', exists: false },
                ],
              },
            },
          ),
          counts.transactUpdate({ districtId, announcementId, shard: countShardOf(r.userId), reads: $add(0), acks: $add(1) }),
          ...(r.householdId
            ? [
                householdReads.transactUpdate({
                  districtId,
                  announcementId,
                  householdId: r.householdId,
                  readAt: $get('readAt', r.readAt),
                  ackAt: $get('ackAt', ackAt),
                }),
              ]
            : []),
        ),
      ),

    /** Access pattern "counts of an announcement": its count shards and its groups' (two Queries, bounded by the shards × groups). */
    async counts(districtId, announcementId) {
      const [total, perGroup] = await Promise.all(
        (['total', 'groups'] as const).map((c) => p['counts of an announcement'].query({ districtId, announcementId, counts: c }).send()),
      )
      const sum = { reads: 0, acks: 0 }
      for (const i of total!.Items ?? []) if ('acks' in i) Object.assign(sum, { reads: sum.reads + i.reads, acks: sum.acks + i.acks })
      const byGroup = new Map<string, number>()
      for (const i of perGroup!.Items ?? []) if ('opengid' in i) byGroup.set(i.opengid, (byGroup.get(i.opengid) ?? 0) + i.reads)
      return { ...sum, groups: [...byGroup].map(([opengid, n]) => ({ opengid, reads: n })).sort((a, b) => b.reads - a.reads) }
    },

    /** Access pattern "how households stand": BatchGetItem of each household's state and its linked count (≤ 2 × 50 keys). */
    async householdStates(districtId, announcementId, ids) {
      if (!ids.length) return new Map()
      const members = e.HouseholdMembers.build(EntityRepository)
      // One command per table: the households' states, then their linked counts, answered in the order asked.
      const { Responses } = await batchGet(
        { maxAttempts: 5 },
        e.table
          .build(BatchGetCommand)
          .requests(
            ...ids.map((householdId) => householdReads.batchGet({ districtId, announcementId, householdId })),
            ...ids.map((householdId) => members.batchGet({ districtId, householdId })),
          ),
      )
      const found = Responses?.[0] ?? []
      const states = new Map(
        ids.map((id, n) => {
          const state = found[n] as { readAt?: string; ackAt?: string } | undefined
          const linked = found[ids.length + n] as { count: number } | undefined
          return [id, { readAt: state?.readAt, ackAt: state?.ackAt, linked: linked?.count ?? 0 }]
        }),
      )
      return states
    },

    /** Access pattern "a WeChat group": GetItem `<d>#WXGROUP#opengid / GROUP`. */
    async groupGrid(districtId, opengid) {
      return (await groups.get({ districtId, opengid }, { consistent: true })).Item?.gridId
    },

    bindGroup: (districtId, opengid, gridId, boundBy, boundAt) =>
      conditional(() => groups.put({ districtId, opengid, gridId, boundBy, boundAt }, { condition: { attr: 'opengid', exists: false } })),
  }
}

const linkItem = (l: HouseholdLinkRecord) => ({
  districtId: l.districtId,
  userId: l.userId,
  status: l.status,
  summary: l,
  gsi1pk: keys.householdLinks(l.districtId, l.gridId, l.status),
  gsi1sk: keys.changed(l.requestedAt, l.userId),
})

export function makeHouseholdLinksRepo(e: Entities): HouseholdLinksRepo {
  const links = e.HouseholdLink.build(EntityRepository)
  const members = e.HouseholdMembers.build(EntityRepository)
  const p = fieldPatterns(e)
  const unchanged = (l: HouseholdLinkRecord) => ({
    and: [
      { attr: 'status' as const, eq: l.status },
      { attr: 'summary.requestedAt' as const, eq: l.requestedAt },
    ],
  })

  return {
    /** Access pattern "a resident's household link": GetItem `<d>#HLINK#user / LINK`. */
    async get(districtId, userId) {
      return (await links.get({ districtId, userId }, { consistent: true })).Item?.summary as HouseholdLinkRecord | undefined
    },

    request: (l, previous) =>
      committed(() =>
        execute(
          links.transactPut(linkItem(l), { condition: previous ? unchanged(previous) : { attr: 'userId', exists: false } }),
          ...(previous?.status === 'linked' ? [members.transactUpdate({ districtId: l.districtId, householdId: previous.householdId, count: $add(-1) })] : []),
        ),
      ),

    /** Access pattern "residents linked in a grid": one page of the grid's pending requests or linked residents. */
    async list(districtId, gridId, status, limit, startKey) {
      const { Items = [], LastEvaluatedKey } = await p['residents linked in a grid']
        .query({ districtId, gridId, status })
        .options((o) => ({ ...o, limit, exclusiveStartKey: startKey }))
        .send()
      return { items: Items.map((i) => i.summary as HouseholdLinkRecord), lastKey: LastEvaluatedKey }
    },

    approve: (l, decidedAt) =>
      committed(() =>
        execute(
          links.transactPut(linkItem({ ...l, status: 'linked', decidedAt }), { condition: unchanged(l) }),
          members.transactUpdate({ districtId: l.districtId, householdId: l.householdId, count: $add(1) }),
        ),
      ),

    decline: (l) => conditional(() => links.delete({ districtId: l.districtId, userId: l.userId }, { condition: unchanged(l) })),
  }
}
