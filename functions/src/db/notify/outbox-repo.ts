/**
 * Storage of the generic outbox. A notice is created already claimed (state `sending`, on the due index at the end
 * of its lease) in the same transaction that spends its recipient's consent grant: a crash after that write never
 * spends a second grant, and the sweeper re-drives the notice when its lease ends.
 */
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import { $add } from 'dynamodb-toolbox/entity/actions/update'
import { BatchWriteCommand, execute as executeBatch } from 'dynamodb-toolbox/table/actions/batchWrite'
import { BatchPutRequest } from 'dynamodb-toolbox/entity/actions/batchPut'
import type { Entities } from '../entities'
import { keys } from '../keys'
import { notifyPatterns } from './patterns'
import { chunks, eachAtMost } from '@linli/shared'
import { conditional, transactNamed } from '../transact'
import type { ConsentsRepo, NoticeRecord, OutboxEvent, OutboxRepo } from '../../notify/ports'
import type { DynamoDBStreamEvent } from 'aws-lambda'
import { unmarshall } from '@aws-sdk/util-dynamodb'
import type { AttributeValue } from '@aws-sdk/client-dynamodb'

const EVENT_TTL_SECONDS = 30 * 24 * 3600
/** A step not finished this long after it was written is re-driven by the sweeper (the stream missed it, or it failed). */
const EVENT_REDRIVE_SECONDS = 30

const noConsentOf = (n: NoticeRecord): NoticeRecord => ({ ...n, state: 'no_consent', lastError: '用户未授权订阅消息', dueAt: undefined })
const outboxKey = (n: { districtId: string; subject: { kind: string; id: string } }) => keys.outbox(n.districtId, n.subject.kind, n.subject.id)

export function outboxEventItem(ev: OutboxEvent) {
  const redrive = new Date(new Date(ev.createdAt).getTime() + EVENT_REDRIVE_SECONDS * 1000).toISOString()
  return {
    districtId: ev.districtId,
    subjectKind: ev.subject.kind,
    subjectId: ev.subject.id,
    eventId: ev.eventId,
    type: ev.type,
    payload: ev.payload,
    cursor: ev.cursor,
    createdAt: ev.createdAt,
    ttl: Math.floor(new Date(ev.createdAt).getTime() / 1000) + EVENT_TTL_SECONDS,
    ...keys.due(redrive, `${outboxKey(ev)}#${keys.outboxEvent(ev.eventId)}`),
  }
}

export function noticeItem(n: NoticeRecord) {
  const { subject, dueAt, ...rest } = n
  const due = dueAt ? keys.due(dueAt, `${outboxKey(n)}#${keys.notice(n.noticeId)}`) : { gsi3pk: undefined, gsi3sk: undefined }
  return { ...rest, subjectKind: subject.kind, subjectId: subject.id, ...due }
}

export function noticeRecord(i: Record<string, any>): NoticeRecord {
  return {
    districtId: i.districtId,
    subject: { kind: i.subjectKind, id: i.subjectId },
    noticeId: i.noticeId,
    eventId: i.eventId,
    event: i.event,
    recipientId: i.recipientId,
    recipientName: i.recipientName,
    templateKey: i.templateKey,
    fields: i.fields,
    state: i.state,
    attempts: i.attempts,
    lastErrcode: i.lastErrcode,
    lastError: i.lastError,
    createdAt: i.createdAt,
    sentAt: i.sentAt,
    dueAt: typeof i.gsi3sk === 'string' ? i.gsi3sk.split('#')[0] : undefined,
  }
}

export const outboxEventRecord = (i: Record<string, any>): OutboxEvent => ({
  districtId: i.districtId,
  subject: { kind: i.subjectKind, id: i.subjectId },
  eventId: i.eventId,
  type: i.type,
  payload: i.payload,
  cursor: i.cursor,
  createdAt: i.createdAt,
})

/**
 * The new outbox events of a stream batch. Only outbox events are read: another item's image is never unmarshalled.
 * An image that cannot be read (the local stream has delivered an empty map as {}) is left to the sweeper, which reads
 * the event from the table: it never fails the others of its batch.
 */
export const outboxEventsIn = (batch: DynamoDBStreamEvent): OutboxEvent[] =>
  (batch.Records ?? [])
    .filter((r) => r.eventName === 'INSERT' && r.dynamodb?.NewImage?._et?.S === 'OutboxEvent')
    .flatMap((r) => {
      try {
        return [outboxEventRecord(unmarshall(r.dynamodb!.NewImage as Record<string, AttributeValue>))]
      } catch (err) {
        console.error(JSON.stringify({ level: 'warn', job: 'notifier', unread: r.dynamodb?.Keys, error: String(err) }))
        return []
      }
    })

/** Groups (each a recipient's notices and their one grant update) packed into transactions of at most 100 items. */
function packed(groups: NoticeRecord[][]): NoticeRecord[][][] {
  const transactions: NoticeRecord[][][] = [[]]
  let size = 0
  for (const group of groups) {
    if (size + group.length + 1 > 100) {
      transactions.push([])
      size = 0
    }
    transactions.at(-1)!.push(group)
    size += group.length + 1
  }
  return transactions.filter((t) => t.length)
}

export function makeOutboxRepo(e: Entities): OutboxRepo {
  const notices_ = e.Notice.build(EntityRepository)
  const subscriptions = e.Subscription.build(EntityRepository)
  const p = notifyPatterns(e)

  /**
   * One transaction for a few recipients' notices: each notice put only if new, and per recipient and template ONE
   * update that spends as many grants as it has notices (if that many are left). On a cancellation the reasons say
   * what to change: a notice that exists is dropped; where grants were short, the oldest notices get the grants there
   * are and the rest are written as no_consent. Then it tries again.
   */
  async function createGroups(groups: NoticeRecord[][]): Promise<{ claimed: NoticeRecord[]; noConsent: NoticeRecord[] }> {
    let plan = groups.map((notices) => ({ notices, granted: notices.length }))
    for (let attempt = 0; attempt < 5; attempt++) {
      const grantsOf = (g: NoticeRecord[]) => `grants#${g[0]!.recipientId}#${g[0]!.templateKey}`
      const items = Object.fromEntries(
        plan.flatMap(({ notices, granted }) => [
          ...notices.map(
            (n, i) =>
              [
                `notice#${n.noticeId}`,
                notices_.transactPut(noticeItem(i < granted ? n : noConsentOf(n)), { condition: { attr: 'noticeId', exists: false } }),
              ] as const,
          ),
          ...(granted
            ? [
                [
                  grantsOf(notices),
                  subscriptions.transactUpdate(
                    { userId: notices[0]!.recipientId, templateKey: notices[0]!.templateKey, grants: $add(-granted) },
                    { condition: { attr: 'grants', gte: granted } },
                  ),
                ] as const,
              ]
            : []),
        ]),
      )
      const written = Object.keys(items).length ? await transactNamed(items) : ({ ok: true } as const)
      if (written.ok)
        return {
          claimed: plan.flatMap((g) => g.notices.slice(0, g.granted)),
          noConsent: plan.flatMap((g) => g.notices.slice(g.granted).map(noConsentOf)),
        }
      const failed = new Set(written.failed)
      // A group whose notices all exist already (its step run twice) has nothing left to write.
      plan = await Promise.all(
        plan
          .filter((g) => g.notices.some((n) => !failed.has(`notice#${n.noticeId}`)))
          .map(async (g) => {
            const notices = g.notices.filter((n) => !failed.has(`notice#${n.noticeId}`))
            const left = failed.has(grantsOf(g.notices))
              ? ((await subscriptions.get({ userId: g.notices[0]!.recipientId, templateKey: g.notices[0]!.templateKey }, { consistent: true })).Item?.grants ??
                0)
              : g.granted
            return { notices, granted: Math.max(0, Math.min(left, notices.length)) }
          }),
      )
      if (attempt > 0) await new Promise((r) => setTimeout(r, 10 * attempt))
    }
    throw new Error('outbox: notices could not be created after 5 attempts')
  }

  return {
    /** The table's stream (NEW_IMAGE): the outbox events that were just written. */
    eventsIn: outboxEventsIn,

    /** Access pattern "notices of a subject": Query pk = the subject's outbox, sk begins_with NOTICE#. */
    async notices(districtId, subject, limit) {
      const { Items = [] } = await p['notices of a subject']
        .query({ districtId, kind: subject.kind, id: subject.id })
        .options((o) => ({ ...o, limit }))
        .send()
      return Items.map(noticeRecord)
    },

    async createClaimed(batch) {
      // Per recipient and template, oldest first, in chunks of at most 99 notices (+ the grant update = 100 items, a
      // transaction's limit). A transaction may update one grant item only once, and two transactions on one grant
      // item would cancel each other: the k-th chunks of every group form wave k, and the waves run one after another.
      const groups = new Map<string, NoticeRecord[]>()
      for (const n of [...batch].sort((a, b) => a.noticeId.localeCompare(b.noticeId))) {
        const key = `${n.recipientId}#${n.templateKey}`
        groups.set(key, [...(groups.get(key) ?? []), n])
      }
      const waves: NoticeRecord[][][] = []
      for (const g of groups.values()) chunks(g, 99).forEach((chunk, k) => (waves[k] ??= []).push(chunk))
      const results = []
      for (const wave of waves) results.push(...(await Promise.all(packed(wave).map(createGroups))))
      return { claimed: results.flatMap((r) => r.claimed), noConsent: results.flatMap((r) => r.noConsent) }
    },

    /** Takes notices for another attempt: only one worker can hold a notice (its state and attempts must still match). */
    async claim(batch, leaseUntil) {
      const taken = await Promise.all(
        batch.map(async (n) => {
          const held = { ...noticeItem({ ...n, dueAt: leaseUntil }), state: 'sending' as const }
          const ok = await conditional(() =>
            notices_.update(
              {
                districtId: n.districtId,
                subjectKind: n.subject.kind,
                subjectId: n.subject.id,
                noticeId: n.noticeId,
                state: 'sending',
                gsi3pk: held.gsi3pk,
                gsi3sk: held.gsi3sk,
              },
              {
                condition: {
                  and: [
                    { attr: 'state', eq: n.state },
                    { attr: 'attempts', eq: n.attempts },
                  ],
                },
              },
            ),
          )
          return ok ? [{ ...n, state: 'sending' as const, dueAt: leaseUntil }] : []
        }),
      )
      return taken.flat()
    },

    /** Records the outcomes of delivery attempts (25 to a request); only notices still due stay on the due index. */
    async save(outcomes) {
      await eachAtMost(chunks(outcomes, 25), 4, (chunk) =>
        executeBatch({ maxAttempts: 10 }, e.table.build(BatchWriteCommand).requests(...chunk.map((n) => e.Notice.build(BatchPutRequest).item(noticeItem(n))))),
      )
    },

    /** The steps leave the due index and their next steps are written, 25 items to a BatchWriteItem. */
    async finishSteps(steps) {
      const items = steps.flatMap(({ event, next }) => [
        { ...outboxEventItem(event), gsi3pk: undefined, gsi3sk: undefined },
        ...(next ? [outboxEventItem(next)] : []),
      ])
      await eachAtMost(chunks(items, 25), 4, (chunk) =>
        executeBatch({ maxAttempts: 10 }, e.table.build(BatchWriteCommand).requests(...chunk.map((i) => e.OutboxEvent.build(BatchPutRequest).item(i)))),
      )
    },
  }
}

export function makeConsentsRepo(e: Entities): ConsentsRepo {
  const subscriptions = e.Subscription.build(EntityRepository)
  const p = notifyPatterns(e)
  return {
    async addGrant(userId, templateKey) {
      const { Attributes } = await subscriptions.update({ userId, templateKey, grants: $add(1) }, { returnValues: 'UPDATED_NEW' })
      return Number(Attributes?.grants)
    },
    async grants(userId, templateKey) {
      const { Item } = await subscriptions.get({ userId, templateKey }, { consistent: true })
      return Item?.grants ?? 0
    },
    /** Access pattern "grants of a user": Query pk = USER#u, sk begins_with SUB#. */
    async allGrants(userId) {
      const { Items = [] } = await p['grants of a user'].query({ userId }).send()
      return Items.map(({ templateKey, grants }) => ({ templateKey, grants }))
    },
    async setGrants(userId, templateKey, grants) {
      await subscriptions.update({ userId, templateKey, grants })
    },
    async resetGrants(userId, templateKey) {
      await subscriptions.update({ userId, templateKey, grants: 0 })
    },
  }
}
