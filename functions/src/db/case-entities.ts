/**
 * Entities of the case loop. All items of one case share the partition CASE#<id>: one Query reads them all. They
 * carry no toolbox timestamps: the records keep their own times, and every attribute is paid for on each write.
 */
import { Entity } from 'dynamodb-toolbox/entity'
import { item } from 'dynamodb-toolbox/schema/item'
import { string } from 'dynamodb-toolbox/schema/string'
import { number } from 'dynamodb-toolbox/schema/number'
import { boolean } from 'dynamodb-toolbox/schema/boolean'
import { list } from 'dynamodb-toolbox/schema/list'
import { map } from 'dynamodb-toolbox/schema/map'
import { any } from 'dynamodb-toolbox/schema/any'
import { caseStatuses, priorities, slaBandKeys } from '@linli/shared'
import type { LinliTable } from './table'

export const casePk = (caseId: string) => `CASE#${caseId}`

export function makeCaseEntities(table: LinliTable) {
  const Case = new Entity({
    name: 'Case',
    table,
    timestamps: false,
    schema: item({
      caseId: string().key(),
      districtId: string(),
      number: string(),
      status: string().enum(...caseStatuses),
      version: number(),
      categoryId: string(),
      categoryName: string(),
      priority: string().enum(...priorities),
      slaBand: string().enum(...slaBandKeys),
      departmentId: string(),
      assigneeIds: list(string()),
      assigneeNames: list(string()),
      gridId: string(),
      gridName: string(),
      levelNodeId: string(),
      reporterId: string(),
      reporterName: string(),
      anonymous: boolean(),
      contactPhone: string().optional(),
      description: string(),
      lat: number(),
      lng: number(),
      address: string().optional(),
      photoKeys: list(string()),
      acceptBy: string(),
      dispatchBy: string(),
      resolveBy: string(),
      flagged: boolean(),
      reopenCount: number(),
      rating: number().optional(),
      viewKeys: list(string()),
      // The timeline lives in the case item: a transition appends to it in the same update that moves the case.
      // (Optional only for cases stored before it moved here.)
      timeline: list(
        map({
          eventId: string(),
          at: string(),
          type: string(),
          actorId: string(),
          actorName: string(),
          note: string().optional(),
          rating: number().optional(),
          photoKeys: list(string()),
        }),
      ).optional(),
      createdAt: string(),
      updatedAt: string(),
      // The case item is itself the entry of two lists: nearby while open (gsi1) and the district's by status (gsi2).
      nearKey: string().optional().savedAs('gsi1pk'),
      gsi1sk: string().optional(),
      gsi2pk: string().optional(),
      gsi2sk: string().optional(),
    }),
    computeKey: ({ caseId }) => ({ pk: casePk(caseId), sk: 'CASE' }),
  })

  /** A case as one list shows it: gsi1 = the list, gsi2 = the list narrowed to one status. Sorted by last change. */
  const CaseView = new Entity({
    name: 'CaseView',
    table,
    timestamps: false,
    schema: item({
      caseId: string().key(),
      viewKey: string().key(),
      summary: any(),
      gsi1pk: string(),
      gsi1sk: string(),
      gsi2pk: string(),
      gsi2sk: string(),
    }),
    computeKey: ({ caseId, viewKey }) => ({ pk: casePk(caseId), sk: `VIEW#${viewKey}` }),
  })

  const Follower = new Entity({
    name: 'Follower',
    table,
    timestamps: false,
    schema: item({ caseId: string().key(), userId: string().key(), name: string(), at: string() }),
    computeKey: ({ caseId, userId }) => ({ pk: casePk(caseId), sk: `FOLLOW#${userId}` }),
  })

  /** One subscribe message to send (the outbox); gsi1 = OUTBOX while it still has to go out, by due time. */
  const Notice = new Entity({
    name: 'Notice',
    table,
    timestamps: false,
    schema: item({
      caseId: string().key(),
      noticeId: string().key(),
      districtId: string(),
      recipientId: string(),
      recipientName: string(),
      templateKey: string(),
      event: string(),
      page: string(),
      data: any(),
      state: string().enum('pending', 'sending', 'sent', 'failed', 'dead', 'no_consent'),
      attempts: number(),
      lastErrcode: number().optional(),
      lastError: string().optional(),
      createdAt: string(),
      sentAt: string().optional(),
      leaseUntil: string().optional(),
      gsi1pk: string().optional(),
      gsi1sk: string().optional(),
    }),
    computeKey: ({ caseId, noticeId }) => ({ pk: casePk(caseId), sk: `NOTICE#${noticeId}` }),
  })

  const Idempotency = new Entity({
    name: 'Idempotency',
    table,
    timestamps: false,
    schema: item({ scope: string().key(), requestHash: string(), caseId: string(), ttl: number() }),
    computeKey: ({ scope }) => ({ pk: `IDEMP#${scope}`, sk: 'IDEMP' }),
  })

  const Counter = new Entity({
    name: 'Counter',
    table,
    timestamps: false,
    schema: item({ counterId: string().key(), seq: number() }),
    computeKey: ({ counterId }) => ({ pk: `COUNTER#${counterId}`, sk: 'COUNTER' }),
  })

  const Subscription = new Entity({
    name: 'Subscription',
    table,
    timestamps: false,
    schema: item({ userId: string().key(), templateKey: string().key(), grants: number() }),
    computeKey: ({ userId, templateKey }) => ({ pk: `USER#${userId}`, sk: `SUB#${templateKey}` }),
  })

  return { Case, CaseView, Follower, Notice, Idempotency, Counter, Subscription }
}
