/**
 * Storage of the case loop. Every state change is ONE bounded transaction (DESIGN.md rule 4): the case (conditioned
 * on the expected status and version) with its timeline item, the entries of its own lists (reporter, grid, queue)
 * and one outbox event. Entries of other people (followers, assignees) are written by the fan-out, only over older
 * versions, so a late fan-out never overwrites a newer one.
 */
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get'
import { $add, $append, $remove, $set } from 'dynamodb-toolbox/entity/actions/update'
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite'
import { BatchGetCommand, execute as batchGet } from 'dynamodb-toolbox/table/actions/batchGet'
import { chunks, openStatuses, publicSummaryOf, summaryOf } from '@linli/shared'
import type { Entities } from '../entities'
import { keys } from '../keys'
import { decodeKey, encodeKey } from '../page-key'
import { casePatterns } from './patterns'
import { committed, conditional, transactNamed } from '../transact'
import { outboxEventItem } from '../notify/outbox-repo'
import { keyedWrite } from '../idempotency/repo'
import type { CaseList, CaseRecord, CasesRepo, CaseSummaryRecord } from '../../services/cases/ports'

const listKey = (districtId: string, l: CaseList) => {
  switch (l.kind) {
    case 'mine':
      return keys.view.mine(districtId, l.userId)
    case 'assigned':
      return keys.view.assigned(districtId, l.userId)
    case 'grid':
      return keys.view.grid(districtId, l.gridId)
    case 'queue':
      return keys.view.queue(districtId, l.nodeId)
    case 'warned':
      return keys.view.warned(districtId, l.nodeId)
  }
}

/** Where the clock runs: a case the clock marked there is on its level's 超时预警 list. */
const clocked: readonly CaseRecord['status'][] = ['submitted', 'accepted', 'dispatched', 'in_progress']

/**
 * The lists whose entries commit with the case: the reporter's, the grid's and the queue of the case's level, and
 * while the clock marks it, its level's 超时预警 (the transition that clears the mark or moves the case drops it).
 */
const ownLists = (c: CaseRecord): CaseList[] => [
  { kind: 'mine', userId: c.reporterId },
  { kind: 'grid', gridId: c.gridId },
  { kind: 'queue', nodeId: c.levelNodeId },
  ...(summaryOf(c).mark && clocked.includes(c.status) ? [{ kind: 'warned' as const, nodeId: c.levelNodeId }] : []),
]

/** The case item with its index attributes: nearby (gsi1) while open, by status (gsi2), the due index (gsi3). */
export function caseItem(c: CaseRecord) {
  // Hidden photos are the media check's alone: a transition never writes (nor removes) them.
  const { dueAt, hiddenPhotoKeys: _hidden, ...rest } = c
  const sort = keys.changed(c.updatedAt, c.caseId)
  const isOpen = openStatuses.includes(c.status)
  const due = dueAt ? keys.due(dueAt, keys.case(c.districtId, c.caseId)) : { gsi3pk: undefined, gsi3sk: undefined }
  return {
    ...rest,
    gsi1pk: isOpen && c.cell ? keys.near(c.districtId, c.cell, c.categoryId) : undefined,
    gsi1sk: isOpen ? sort : undefined,
    gsi2pk: keys.casesByStatus(c.districtId, c.status),
    gsi2sk: sort,
    ...due,
  }
}

export function makeCasesRepo(e: Entities): CasesRepo {
  const cases = e.Case.build(EntityRepository)
  const views = e.CaseView.build(EntityRepository)
  const followers = e.Follower.build(EntityRepository)

  const entry = (s: CaseSummaryRecord & { districtId: string; version: number }, l: CaseList, order?: string) => {
    const viewKey = listKey(s.districtId, l)
    const { districtId, version, ...summary } = s
    const sort = keys.changed(s.updatedAt, s.caseId)
    return {
      districtId,
      caseId: s.caseId,
      viewKey,
      version,
      summary,
      gsi1pk: viewKey,
      gsi1sk: order ?? sort,
      gsi2pk: keys.view.withStatus(viewKey, s.status),
      gsi2sk: sort,
    }
  }
  const entryOf = (c: CaseRecord, l: CaseList) => {
    const summary = summaryOf(c)
    // The warned list reads most urgent first: by the running stage's deadline.
    const order = l.kind === 'warned' ? keys.urgency(summary.mark === 'overdue', c.sla?.deadline ?? c.resolveBy, c.caseId) : undefined
    return entry({ ...summary, districtId: c.districtId, version: c.version }, l, order)
  }
  const p = casePatterns(e)

  return {
    /** Access pattern "daily case number": UpdateItem ADD on the district's counter of the day. Gaps are possible. */
    async nextSequence(districtId, day) {
      const { Attributes } = await e.Counter.build(EntityRepository).update({ districtId, name: day, seq: $add(1) }, { returnValues: 'UPDATED_NEW' })
      return Number(Attributes?.seq)
    },

    async create(c, timeline, event, claim, urgent) {
      return keyedWrite(e, claim, { caseId: c.caseId }, () => ({
        case: cases.transactPut({ ...caseItem(c), timeline }, { condition: { attr: 'caseId', exists: false } }),
        lists: ownLists(c).map((l) => views.transactPut(entryOf(c, l))),
        event: event && e.OutboxEvent.build(EntityRepository).transactPut(outboxEventItem(event)),
        urgent:
          urgent &&
          e.UrgentMark.build(EntityRepository).transactPut({
            districtId: c.districtId,
            gridId: c.gridId,
            categoryId: c.categoryId,
            caseId: c.caseId,
            at: c.createdAt,
            ttl: urgent.ttl,
          }),
      }))
    },

    /** Access pattern "an emergency's mark": GetItem `<d>#URGENT#<grid>#<category> / URGENT`. */
    async urgentMark(districtId, gridId, categoryId) {
      const { Item } = await e.UrgentMark.build(GetItemCommand).key({ districtId, gridId, categoryId }).send()
      return Item && { caseId: Item.caseId, at: Item.at }
    },

    /** Access pattern "a case": GetItem (consistent) — the case with its timeline. */
    /** Access pattern "a district's cases by status, changed since": one page of what a list shows of them. */
    async changedSince(districtId, status, since, limit, startKey) {
      const { Items = [], LastEvaluatedKey } = await p["a district's cases by status, changed since"]
        .query({ districtId, status, since })
        .options((o) => ({ ...o, limit, exclusiveStartKey: startKey }))
        .send()
      return {
        items: Items.map(({ lat, lng, ...i }) => ({ ...i, status, ...(lat !== undefined && lng !== undefined ? { lat, lng } : {}) })),
        lastKey: LastEvaluatedKey,
      }
    },

    /** Access pattern "a district's cases in a status, last changed first": one page, what a map point shows. */
    async latest(districtId, status, limit) {
      const { Items = [] } = await p["a district's cases in a status, last changed first"]
        .query({ districtId, status })
        .options((o) => ({ ...o, limit }))
        .send()
      return Items.map((i) => ({
        caseId: i.caseId,
        number: i.number,
        gridId: i.gridId,
        categoryName: i.categoryName,
        lat: i.lat,
        lng: i.lng,
        resolveBy: i.resolveBy,
      }))
    },

    /** BatchGetItem of the case items, 100 a request (the calls at once), with their timelines; an id asked twice is read once. */
    async many(districtId, caseIds) {
      const pages = await Promise.all(
        chunks([...new Set(caseIds)], 100).map((page) =>
          batchGet({ maxAttempts: 5 }, e.table.build(BatchGetCommand).requests(...page.map((caseId) => cases.batchGet({ districtId, caseId })))),
        ),
      )
      return pages.flatMap(({ Responses }) => (Responses?.[0] ?? []).flatMap((i) => (i ? [{ record: asCaseRecord(i), timeline: i.timeline }] : [])))
    },

    async get(districtId, caseId) {
      const { Item } = await cases.get({ districtId, caseId }, { consistent: true })
      return Item && { record: asCaseRecord(Item), timeline: Item.timeline }
    },

    async hidePhoto(districtId, caseId, photoKey) {
      await conditional(() => cases.update({ districtId, caseId, hiddenPhotoKeys: $add(new Set([photoKey])) }, { condition: { attr: 'caseId', exists: true } }))
    },

    async isFollower(districtId, caseId, userId) {
      const { Item } = await followers.get({ districtId, caseId, userId }, { consistent: true })
      return Boolean(Item)
    },

    async transition(before, after, item, event) {
      const dropped = ownLists(before).filter((l) => !ownLists(after).some((m) => listKey(after.districtId, m) === listKey(before.districtId, l)))
      const { districtId, caseId, ...rest } = caseItem(after)
      // The stored case becomes exactly `after`: a bare array or map would patch its elements ($set replaces it whole,
      // and may create it), and an attribute `after` lacks (the nearby key of a closed case, say) is removed.
      const changes = Object.fromEntries(
        Object.entries(rest).map(([k, v]) => [k, v === undefined ? $remove() : typeof v === 'object' && v !== null ? $set(v) : v]),
      ) as unknown as typeof rest
      return committed(() =>
        execute(
          cases.transactUpdate(
            { districtId, caseId, ...changes, timeline: $append([item]) },
            {
              condition: {
                and: [
                  { attr: 'status', eq: before.status },
                  { attr: 'version', eq: before.version },
                  { attr: 'followerCount', eq: before.followerCount },
                ],
              },
            },
          ),
          ...ownLists(after).map((l) => views.transactPut(entryOf(after, l))),
          ...dropped.map((l) => views.transactDelete({ districtId, caseId, viewKey: listKey(districtId, l) })),
          e.OutboxEvent.build(EntityRepository).transactPut(outboxEventItem(event)),
        ),
      )
    },

    async follow(c, follower, at) {
      const { districtId, caseId } = c
      const written = await transactNamed({
        follower: followers.transactPut({ districtId, caseId, userId: follower.id, name: follower.name, at }, { condition: { attr: 'userId', exists: false } }),
        entry: views.transactPut(entry(publicSummaryOf({ ...summaryOf(c), districtId, version: c.version }), { kind: 'mine', userId: follower.id })),
        count: cases.transactUpdate(
          { districtId, caseId, followerCount: $add(1) },
          {
            condition: {
              and: [
                { attr: 'status', eq: c.status },
                { attr: 'version', eq: c.version },
              ],
            },
          },
        ),
      })
      return written.ok ? 'followed' : written.failed.includes('follower') ? 'already' : 'changed'
    },

    async unfollow(c, userId) {
      const { districtId, caseId } = c
      return committed(() =>
        execute(
          followers.transactDelete({ districtId, caseId, userId }, { condition: { attr: 'userId', exists: true } }),
          views.transactDelete({ districtId, caseId, viewKey: keys.view.mine(districtId, userId) }),
          cases.transactUpdate({ districtId, caseId, followerCount: $add(-1) }, { condition: { attr: 'followerCount', gt: 0 } }),
        ),
      )
    },

    /** Access pattern "followers of a case": Query pk = the case, sk begins_with FOLLOW#, one page (consistent). */
    async followers(districtId, caseId, page) {
      const { Items = [], LastEvaluatedKey } = await p['followers of a case']
        .query({ districtId, caseId })
        .options((o) => ({ ...o, limit: page.limit, exclusiveStartKey: decodeKey(page.after) }))
        .send()
      return { items: Items.map((i) => ({ id: i.userId, name: i.name })), next: encodeKey(LastEvaluatedKey) }
    },

    async putEntries(s, lists) {
      const newer = {
        or: [
          { attr: 'version' as const, exists: false },
          { attr: 'version' as const, lt: s.version },
        ],
      }
      await Promise.all(lists.map((l) => conditional(() => views.put(entry(s, l), { condition: newer }))))
    },

    async dropEntries(c, lists) {
      await Promise.all(
        lists.map((l) =>
          conditional(() =>
            views.delete({ districtId: c.districtId, caseId: c.caseId, viewKey: listKey(c.districtId, l) }, { condition: { attr: 'version', lt: c.version } }),
          ),
        ),
      )
    },

    /**
     * Access pattern "a list page": Query gsi1 (or gsi2 with a status) on the list's key, newest change first, one page.
     * Reads at most `limit` items whatever the table size.
     */
    async list(districtId, l, status, limit, startKey) {
      const viewKey = listKey(districtId, l)
      const {
        Items = [],
        LastEvaluatedKey,
        ScannedCount = 0,
      } = await p['a list page']
        .query({ viewKey, status })
        .options((o) => ({ ...o, limit, exclusiveStartKey: startKey }))
        .send()
      return { items: Items.map((i) => i.summary as CaseSummaryRecord), lastKey: LastEvaluatedKey, scanned: ScannedCount }
    },

    /** Access pattern "open cases near a point", one cell: the case items themselves, their summary attributes only. */
    async near(districtId, cell, categoryId, limit) {
      const { Items = [], ScannedCount = 0 } = await p['open cases near a point']
        .query({ districtId, cell, categoryId })
        .options((o) => ({ ...o, limit }))
        .send()
      return { items: Items.map((i) => ({ ...summaryOf(i as unknown as CaseRecord), followerCount: i.followerCount as number })), scanned: ScannedCount }
    },
  }
}

/** A stored case without its timeline, the entity tag and the index attributes `caseItem` adds. */
function asCaseRecord<
  T extends {
    entity?: string
    timeline?: unknown
    gsi1pk?: string
    gsi1sk?: string
    gsi2pk?: string
    gsi2sk?: string
    gsi3pk?: string
    gsi3sk?: string
    hiddenPhotoKeys?: Set<string>
  },
>(i: T): CaseRecord {
  const { entity: _e, timeline: _t, gsi1pk: _1, gsi1sk: _2, gsi2pk: _3, gsi2sk: _4, gsi3pk: _5, gsi3sk, hiddenPhotoKeys, ...rest } = i
  return { ...(rest as unknown as CaseRecord), hiddenPhotoKeys: hiddenPhotoKeys && [...hiddenPhotoKeys], dueAt: gsi3sk ? gsi3sk.split('#')[0] : undefined }
}
