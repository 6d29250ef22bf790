/**
 * Storage of the generic outbox. A notice is created already claimed (state `sending`, on the due index at the end
 * of its lease) in the same transaction that spends its recipient's consent grant: a crash after that write never
 * spends a second grant, and the sweeper re-drives the notice when its lease ends.
 */
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository'
import { $add, $remove } from 'dynamodb-toolbox/entity/actions/update'
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite'
import { BatchWriteCommand, execute as executeBatch } from 'dynamodb-toolbox/table/actions/batchWrite'
import { BatchPutRequest } from 'dynamodb-toolbox/entity/actions/batchPut'
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query'
import type { Entities } from '../entities'
import { keys } from '../keys'
import { cancelReasons, chunks, conditional, isCanceled } from '../transact'
import type { ConsentsRepo, NoticeRecord, OutboxEvent, OutboxRepo } from '../../notify/ports'
import type { DynamoDBStreamEvent } from 'aws-lambda'
import { unmarshall } from '@aws-sdk/util-dynamodb'
import type { AttributeValue } from '@aws-sdk/client-dynamodb'

const EVENT_TTL_SECONDS = 30 * 24 * 3600
/** A step not finished this long after it was written is re-driven by the sweeper (the stream missed it, or it failed). */
export const EVENT_REDRIVE_SECONDS = 30

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

export function makeOutboxRepo(e: Entities): OutboxRepo {
  const notices = e.Notice.build(EntityRepository)
  const events = e.OutboxEvent.build(EntityRepository)
  const subscriptions = e.Subscription.build(EntityRepository)

  /** One transaction: each notice put only if new, with its grant spent (or recorded no_consent). Retries on conflicts. */
  async function createBatch(batch: NoticeRecord[]): Promise<{ claimed: NoticeRecord[]; noConsent: NoticeRecord[] }> {
    let wanted = batch.map((n) => ({ n, grant: n.state === 'sending' }))
    for (let attempt = 0; attempt < 5 && wanted.length; attempt++) {
      const ops = wanted.flatMap(({ n, grant }) => {
        const notice = grant ? n : { ...n, state: 'no_consent' as const, lastError: '用户未授权订阅消息', dueAt: undefined }
        const put = notices.transactPut(noticeItem(notice), { condition: { attr: 'noticeId', exists: false } })
        return grant ? [put, subscriptions.transactUpdate({ userId: n.recipientId, templateKey: n.templateKey, grants: $add(-1) }, { condition: { attr: 'grants', gte: 1 } })] : [put]
      })
      try {
        await execute(...ops)
        return {
          claimed: wanted.filter((w) => w.grant).map((w) => w.n),
          noConsent: wanted.filter((w) => !w.grant).map((w) => ({ ...w.n, state: 'no_consent' as const, dueAt: undefined })),
        }
      } catch (err) {
        if (!isCanceled(err)) throw err
        const reasons = cancelReasons(err)
        let i = 0
        const next: typeof wanted = []
        for (const w of wanted) {
          const [put, grant] = [reasons[i++], w.grant ? reasons[i++] : 'None']
          if (put === 'ConditionalCheckFailed') continue // created by an earlier run of this step: leave it alone
          next.push({ n: w.n, grant: w.grant && grant !== 'ConditionalCheckFailed' })
        }
        wanted = next
        if (attempt > 0) await new Promise((r) => setTimeout(r, 10 * attempt))
      }
    }
    if (wanted.length) throw new Error('outbox: notices could not be created after 5 attempts')
    return { claimed: [], noConsent: [] }
  }

  return {
    /** The table's stream (NEW_IMAGE): the outbox events that were just written. */
    eventsIn: (batch: DynamoDBStreamEvent) =>
      (batch.Records ?? [])
        .filter((r) => r.eventName === 'INSERT' && r.dynamodb?.NewImage)
        .map((r) => unmarshall(r.dynamodb!.NewImage as Record<string, AttributeValue>))
        .filter((item) => item._et === 'OutboxEvent')
        .map(outboxEventRecord),

    /** Access pattern "notices of a subject": Query pk = the subject's outbox, sk begins_with NOTICE#. */
    async notices(districtId, subject, limit) {
      const { Items = [] } = await e.table
        .build(QueryCommand)
        .entities(e.Notice)
        .query({ partition: keys.outbox(districtId, subject.kind, subject.id), range: { beginsWith: keys.noticePrefix } })
        .options({ limit })
        .send()
      return Items.map(noticeRecord)
    },

    async createClaimed(batch) {
      // A grant update per notice: at most 50 notices (100 items) to a transaction.
      const results = await Promise.all(chunks(batch, 50).map(createBatch))
      return { claimed: results.flatMap((r) => r.claimed), noConsent: results.flatMap((r) => r.noConsent) }
    },

    /** Takes notices for another attempt: only one worker can hold a notice (its state and attempts must still match). */
    async claim(batch, leaseUntil) {
      const taken = await Promise.all(
        batch.map(async (n) => {
          const held = { ...noticeItem({ ...n, dueAt: leaseUntil }), state: 'sending' as const }
          const ok = await conditional(() =>
            notices.update(
              { districtId: n.districtId, subjectKind: n.subject.kind, subjectId: n.subject.id, noticeId: n.noticeId, state: 'sending', gsi3pk: held.gsi3pk, gsi3sk: held.gsi3sk },
              { condition: { and: [{ attr: 'state', eq: n.state }, { attr: 'attempts', eq: n.attempts }] } },
            ),
          )
          return ok ? [{ ...n, state: 'sending' as const, dueAt: leaseUntil }] : []
        }),
      )
      return taken.flat()
    },

    /** Records the outcomes of delivery attempts (25 to a request); only notices still due stay on the due index. */
    async save(outcomes) {
      for (const chunk of chunks(outcomes, 25)) {
        await executeBatch({ maxAttempts: 10 }, e.table.build(BatchWriteCommand).requests(...chunk.map((n) => e.Notice.build(BatchPutRequest).item(noticeItem(n)))))
      }
    },

    async finishStep(ev, next) {
      const done = events.transactUpdate({ districtId: ev.districtId, subjectKind: ev.subject.kind, subjectId: ev.subject.id, eventId: ev.eventId, gsi3pk: $remove(), gsi3sk: $remove() })
      try {
        await execute(done, ...(next ? [events.transactPut(outboxEventItem(next), { condition: { attr: 'eventId', exists: false } })] : []))
      } catch (err) {
        // The next step exists already: an earlier run of this step wrote it. Only this step is left to mark done.
        if (!next || !isCanceled(err)) throw err
        await execute(done)
      }
    },
  }
}

export function makeConsentsRepo(e: Entities): ConsentsRepo {
  const subscriptions = e.Subscription.build(EntityRepository)
  return {
    async addGrant(userId, templateKey) {
      const { Attributes } = await subscriptions.update({ userId, templateKey, grants: $add(1) }, { returnValues: 'UPDATED_NEW' })
      return Number(Attributes?.grants)
    },
    async grants(userId, templateKey) {
      const { Item } = await subscriptions.get({ userId, templateKey }, { consistent: true })
      return Item?.grants ?? 0
    },
    async resetGrants(userId, templateKey) {
      await subscriptions.update({ userId, templateKey, grants: 0 })
    },
  }
}
