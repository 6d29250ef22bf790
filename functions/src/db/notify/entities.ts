/**
 * Entities of the generic outbox: events and notices live in their subject's outbox partition (keys.outbox), and
 * each sits on the due index (gsi3) while something is still to be done with it. Consents hang on the user.
 */
import { Entity } from 'dynamodb-toolbox/entity'
import { item } from 'dynamodb-toolbox/schema/item'
import { string } from 'dynamodb-toolbox/schema/string'
import { number } from 'dynamodb-toolbox/schema/number'
import { any } from 'dynamodb-toolbox/schema/any'
import { templateKeys } from '@linli/shared'
import type { LinliTable } from '../table'
import { keys } from '../keys'

/** Both live in their subject's outbox partition. */
const subjectKey = () => ({ districtId: string().key(), subjectKind: string().key(), subjectId: string().key() })
const onDueIndex = () => ({ gsi3pk: string().optional(), gsi3sk: string().optional() })
const outboxKey = (k: { districtId: string; subjectKind: string; subjectId: string }) => keys.outbox(k.districtId, k.subjectKind, k.subjectId)

export function makeNotifyEntities(table: LinliTable) {
  const OutboxEvent = new Entity({
    name: 'OutboxEvent',
    table,
    timestamps: false,
    schema: item({
      ...subjectKey(),
      eventId: string().key(),
      type: string(),
      payload: any(),
      cursor: string().optional(),
      createdAt: string(),
      /** Epoch seconds: a month after it was written, the event has long been expanded into its notices. */
      ttl: number(),
      ...onDueIndex(),
    }),
    computeKey: (k) => ({ pk: outboxKey(k), sk: keys.outboxEvent(k.eventId) }),
  })

  /** One subscribe message: its own delivery state, attempts and last WeChat errcode (DESIGN.md rule 5). */
  const Notice = new Entity({
    name: 'Notice',
    table,
    timestamps: false,
    schema: item({
      ...subjectKey(),
      noticeId: string().key(),
      eventId: string(),
      event: string(),
      recipientId: string(),
      recipientName: string(),
      templateKey: string().enum(...templateKeys),
      fields: any(),
      state: string().enum('sending', 'handed', 'sent', 'failed', 'dead', 'no_consent'),
      attempts: number(),
      lastErrcode: number().optional(),
      lastError: string().optional(),
      createdAt: string(),
      sentAt: string().optional(),
      ...onDueIndex(),
    }),
    computeKey: (k) => ({ pk: outboxKey(k), sk: keys.notice(k.noticeId) }),
  })

  const Subscription = new Entity({
    name: 'Subscription',
    table,
    timestamps: false,
    schema: item({ userId: string().key(), templateKey: string().key(), grants: number() }),
    computeKey: ({ userId, templateKey }) => ({ pk: keys.user(userId), sk: keys.subscription(templateKey) }),
  })

  return { OutboxEvent, Notice, Subscription }
}
