/**
 * Storage of the case loop. Every state change is ONE transaction: the case (conditioned on the expected status
 * and version) with its new timeline item, its list entries and its outbox notices commit together or not at all.
 */
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import { $add, $append, $remove, $set } from 'dynamodb-toolbox/entity/actions/update'
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite'
import { BatchWriteCommand, execute as executeBatch } from 'dynamodb-toolbox/table/actions/batchWrite'
import { BatchPutRequest } from 'dynamodb-toolbox/entity/actions/batchPut'
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query'
import type { Entities } from './entities'
import { casePk } from './case-entities'
import type { CaseRecord, NoticeRecord, TimelineRecord } from '../model'

export interface ViewPage {
  items: CaseRecordSummary[]
  lastKey?: Record<string, unknown>
  /** Items DynamoDB read for this page (ScannedCount): the cost of a list, whatever the table size. */
  scanned: number
}
export type CaseRecordSummary = Pick<
  CaseRecord,
  'caseId' | 'number' | 'status' | 'categoryId' | 'categoryName' | 'priority' | 'description' | 'address' | 'gridId' | 'gridName' | 'flagged' | 'resolveBy' | 'createdAt' | 'updatedAt' | 'lat' | 'lng'
>

/** What a list entry keeps of a case. */
export const summaryOf = (c: CaseRecord): CaseRecordSummary => ({
  caseId: c.caseId,
  number: c.number,
  status: c.status,
  categoryId: c.categoryId,
  categoryName: c.categoryName,
  priority: c.priority,
  description: c.description.slice(0, 120),
  address: c.address,
  gridId: c.gridId,
  gridName: c.gridName,
  flagged: c.flagged,
  resolveBy: c.resolveBy,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
  lat: c.lat,
  lng: c.lng,
})

const isCanceled = (err: unknown) => (err as Error).name === 'TransactionCanceledException'
const isConditionFailed = (err: unknown) => (err as Error).name === 'ConditionalCheckFailedException'
const chunks = <T>(xs: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, (i + 1) * size))

export function makeCasesRepo(e: Entities) {
  const cases = e.Case.build(EntityRepository)
  const views = e.CaseView.build(EntityRepository)
  const notices = e.Notice.build(EntityRepository)

  const viewPuts = (c: CaseRecord) =>
    c.viewKeys.map((viewKey) => {
      const sort = `${c.updatedAt}#${c.caseId}`
      return views.transactPut({ caseId: c.caseId, viewKey, summary: summaryOf(c), gsi1pk: viewKey, gsi1sk: sort, gsi2pk: `${viewKey}#${c.status}`, gsi2sk: sort })
    })
  const noticePut = (n: NoticeRecord) => notices.transactPut(noticeItem(n))
  /** The case item as the entry of the nearby list (gsi1, keyed by `nearKey`) and of the district's by status (gsi2). */
  const caseItem = (c: CaseRecord) => {
    const sort = `${c.updatedAt}#${c.caseId}`
    return { ...c, gsi1sk: sort, gsi2pk: `ALL#${c.districtId}#${c.status}`, gsi2sk: sort }
  }
  /** One page of case items on one of their indexes. */
  const casePage = async (index: 'gsi1' | 'gsi2', partition: string, limit: number, startKey?: Record<string, unknown>, olderThan?: string): Promise<ViewPage> => {
    const { Items = [], LastEvaluatedKey, ScannedCount = 0 } = await e.table
      .build(QueryCommand)
      .entities(e.Case)
      .query({ index, partition, ...(olderThan ? { range: { lt: olderThan } } : {}) })
      .options({ limit, reverse: !olderThan, exclusiveStartKey: startKey })
      .send()
    return { items: Items.map((i) => summaryOf(asCaseRecord(i))), lastKey: LastEvaluatedKey, scanned: ScannedCount }
  }

  return {
    /** Access pattern "daily case number": UpdateItem ADD on COUNTER#<district>#<yyyymmdd>. Gaps are possible. */
    async nextSequence(counterId: string): Promise<number> {
      const { Attributes } = await e.Counter.build(EntityRepository).update({ counterId, seq: $add(1) }, { returnValues: 'UPDATED_NEW' })
      return Number(Attributes?.seq)
    },

    /** A new case, with its first timeline items, list entries, notices and (optionally) its idempotency record. */
    async create(c: CaseRecord, timeline: TimelineRecord[], outbox: NoticeRecord[], idempotency?: { scope: string; requestHash: string; ttl: number }): Promise<'created' | 'duplicate'> {
      try {
        await execute(
          cases.transactPut({ ...caseItem(c), timeline }, { condition: { attr: 'caseId', exists: false } }),
          ...viewPuts(c),
          ...outbox.map(noticePut),
          ...(idempotency ? [e.Idempotency.build(EntityRepository).transactPut({ ...idempotency, caseId: c.caseId }, { condition: { attr: 'scope', exists: false } })] : []),
        )
        return 'created'
      } catch (err) {
        if (idempotency && isCanceled(err)) return 'duplicate'
        throw err
      }
    },

    async idempotency(scope: string): Promise<{ requestHash: string; caseId: string } | undefined> {
      const { Item } = await e.Idempotency.build(EntityRepository).get({ scope }, { consistent: true })
      return Item && { requestHash: Item.requestHash, caseId: Item.caseId }
    },

    async get(caseId: string): Promise<CaseRecord | undefined> {
      const { Item } = await cases.get({ caseId }, { consistent: true })
      return Item && asCaseRecord(Item)
    },

    /** Access pattern "case with everything": Query pk=CASE#id — the case with its timeline, followers and notices. */
    async detail(caseId: string) {
      const { Items = [] } = await e.table
        .build(QueryCommand)
        .entities(e.Case, e.Follower, e.Notice)
        .query({ partition: casePk(caseId) })
        .options({ maxPages: Infinity, consistent: true, showEntityAttr: true })
        .send()
      let record: CaseRecord | undefined
      let timeline: TimelineRecord[] = []
      const followers: { id: string; name: string }[] = []
      const outbox: NoticeRecord[] = []
      for (const i of Items) {
        if (i.entity === 'Case' && 'number' in i) [record, timeline] = [asCaseRecord(i), i.timeline ?? []]
        else if (i.entity === 'Follower' && 'at' in i) followers.push({ id: i.userId, name: i.name })
        else if (i.entity === 'Notice' && 'noticeId' in i) outbox.push(noticeRecord(i))
      }
      return record && { record, timeline, followers, notices: outbox }
    },

    /**
     * Applies a state change: `after` replaces `before` only if the stored case still has `before`'s status and
     * version. Returns false when another writer got there first (nothing is written then).
     */
    async transition(before: CaseRecord, after: CaseRecord, timeline: TimelineRecord, outbox: NoticeRecord[], follower?: { id: string; name: string }): Promise<boolean> {
      const dropped = before.viewKeys.filter((k) => !after.viewKeys.includes(k))
      const { caseId: _id, ...rest } = caseItem(after)
      // The stored case becomes exactly `after`: a bare array would patch list elements ($set replaces the list),
      // and an attribute `after` lacks (the nearby key of a closed case, say) is removed.
      const changes = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, Array.isArray(v) ? $set(v) : v === undefined ? $remove() : v])) as unknown as typeof rest
      try {
        await execute(
          cases.transactUpdate({ caseId: after.caseId, ...changes, timeline: $append([timeline]) }, { condition: { and: [{ attr: 'status', eq: before.status }, { attr: 'version', eq: before.version }] } }),
          ...viewPuts(after),
          ...dropped.map((viewKey) => views.transactDelete({ caseId: after.caseId, viewKey })),
          ...outbox.map(noticePut),
          ...(follower ? [e.Follower.build(EntityRepository).transactPut({ caseId: after.caseId, userId: follower.id, name: follower.name, at: after.updatedAt }, { condition: { attr: 'userId', exists: false } })] : []),
        )
        return true
      } catch (err) {
        if (isCanceled(err)) return false
        throw err
      }
    },

    /**
     * Access pattern "a list": Query gsi1 (or gsi2 with a status) on the list's key, newest change first, one page.
     * Reads at most `limit` items whatever the table size.
     */
    async list(viewKey: string, status: string | undefined, limit: number, startKey?: Record<string, unknown>): Promise<ViewPage> {
      const { Items = [], LastEvaluatedKey, ScannedCount = 0 } = await e.table
        .build(QueryCommand)
        .entities(e.CaseView)
        .query(status ? { index: 'gsi2', partition: `${viewKey}#${status}` } : { index: 'gsi1', partition: viewKey })
        .options({ limit, reverse: true, exclusiveStartKey: startKey })
        .send()
      return { items: Items.map((i) => i.summary as CaseRecordSummary), lastKey: LastEvaluatedKey, scanned: ScannedCount }
    },

    /** Access pattern "cases of a district by status": Query gsi2 = ALL#<district>#<status>, oldest first below `olderThan`. */
    byStatus: (districtId: string, status: CaseRecord['status'], limit: number, startKey?: Record<string, unknown>, olderThan?: string) =>
      casePage('gsi2', `ALL#${districtId}#${status}`, limit, startKey, olderThan),

    /** Access pattern "open cases in a cell": Query gsi1 = NEAR#<district>#<geohash6>#<category>. */
    near: (nearKey: string, limit: number) => casePage('gsi1', nearKey, limit),

    /** Access pattern "notices due": Query gsi1 = OUTBOX with sk ≤ now. */
    async dueNotices(now: string, limit: number): Promise<NoticeRecord[]> {
      const { Items = [] } = await e.table
        .build(QueryCommand)
        .entities(e.Notice)
        .query({ index: 'gsi1', partition: 'OUTBOX', range: { lte: `${now}~` } })
        .options({ limit })
        .send()
      return Items.map(noticeRecord)
    },

    async notice(caseId: string, noticeId: string): Promise<NoticeRecord | undefined> {
      const { Item } = await notices.get({ caseId, noticeId }, { consistent: true })
      return Item && noticeRecord(Item)
    },

    /**
     * Takes notices for delivery: only one worker can hold a notice (its state and attempts must still match). A batch
     * is claimed in one transaction; if any of it was taken meanwhile, each is tried on its own. Returns those taken.
     */
    async claimNotices(batch: readonly NoticeRecord[], leaseUntil: string): Promise<NoticeRecord[]> {
      const held = (n: NoticeRecord) => ({ caseId: n.caseId, noticeId: n.noticeId, state: 'sending' as const, leaseUntil, gsi1pk: 'OUTBOX', gsi1sk: `${leaseUntil}#${n.noticeId}` })
      const unchanged = (n: NoticeRecord) => ({ condition: { and: [{ attr: 'state' as const, eq: n.state }, { attr: 'attempts' as const, eq: n.attempts }] } })
      const one = async (n: NoticeRecord) => {
        try {
          await notices.update(held(n), unchanged(n))
          return [n]
        } catch (err) {
          if (isConditionFailed(err)) return []
          throw err
        }
      }
      const taken = await Promise.all(
        chunks(batch, 100).map(async (chunk) => {
          if (chunk.length === 1) return one(chunk[0]!)
          try {
            await execute(...chunk.map((n) => notices.transactUpdate(held(n), unchanged(n))))
            return chunk
          } catch (err) {
            if (!isCanceled(err)) throw err
            return (await Promise.all(chunk.map(one))).flat()
          }
        }),
      )
      return taken.flat()
    },

    /** Records the outcomes of delivery attempts (25 to a request); only due notices stay in the OUTBOX index. */
    async saveNotices(outcomes: readonly NoticeRecord[]): Promise<void> {
      for (const chunk of chunks(outcomes, 25)) {
        await executeBatch({ maxAttempts: 10 }, e.table.build(BatchWriteCommand).requests(...chunk.map((n) => e.Notice.build(BatchPutRequest).item(noticeItem(n)))))
      }
    },

    async addGrant(userId: string, templateKey: string): Promise<number> {
      const { Attributes } = await e.Subscription.build(EntityRepository).update({ userId, templateKey, grants: $add(1) }, { returnValues: 'UPDATED_NEW' })
      return Number(Attributes?.grants)
    },

    async grants(userId: string, templateKey: string): Promise<number> {
      const { Item } = await e.Subscription.build(EntityRepository).get({ userId, templateKey }, { consistent: true })
      return Item?.grants ?? 0
    },

    /** Spends up to `wanted` one-time grants at once; returns how many there were to spend. */
    async spendGrants(userId: string, templateKey: string, wanted: number): Promise<number> {
      const subscriptions = e.Subscription.build(EntityRepository)
      for (let n = wanted, tries = 0; n > 0 && tries < 10; tries++) {
        try {
          await subscriptions.update({ userId, templateKey, grants: $add(-n) }, { condition: { attr: 'grants', gte: n } })
          return n
        } catch (err) {
          if (!isConditionFailed(err)) throw err
          n = Math.min(n, (await subscriptions.get({ userId, templateKey }, { consistent: true })).Item?.grants ?? 0)
        }
      }
      return 0
    },
  }
}

export type CasesRepo = ReturnType<typeof makeCasesRepo>

/** A stored case without its timeline, the entity tag and the index attributes `caseItem` adds. */
function asCaseRecord<T extends { entity?: string; timeline?: unknown; gsi1sk?: string; gsi2pk?: string; gsi2sk?: string }>(i: T): CaseRecord {
  const { entity: _e, timeline: _t, gsi1sk: _1, gsi2pk: _2, gsi2sk: _3, ...rest } = i
  return rest as unknown as CaseRecord
}

function noticeItem(n: NoticeRecord) {
  const { dueAt, ...rest } = n
  return { ...rest, leaseUntil: undefined, ...(dueAt ? { gsi1pk: 'OUTBOX', gsi1sk: `${dueAt}#${n.noticeId}` } : {}) }
}

export function noticeRecord(i: Record<string, any>): NoticeRecord {
  return {
    caseId: i.caseId,
    noticeId: i.noticeId,
    districtId: i.districtId,
    recipientId: i.recipientId,
    recipientName: i.recipientName,
    templateKey: i.templateKey,
    event: i.event,
    page: i.page,
    data: i.data,
    state: i.state,
    attempts: i.attempts,
    lastErrcode: i.lastErrcode,
    lastError: i.lastError,
    createdAt: i.createdAt,
    sentAt: i.sentAt,
    dueAt: i.gsi1pk === 'OUTBOX' ? String(i.gsi1sk).split('#')[0] : undefined,
  }
}
