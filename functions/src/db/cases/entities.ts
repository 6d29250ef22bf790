/**
 * Entities of the case loop. A case's items share its partition (keys.case): the case with its timeline, its list
 * entries and its followers. They carry no toolbox timestamps: the records keep their own times.
 */
import { Entity } from 'dynamodb-toolbox/entity'
import { item } from 'dynamodb-toolbox/schema/item'
import { string } from 'dynamodb-toolbox/schema/string'
import { number } from 'dynamodb-toolbox/schema/number'
import { boolean } from 'dynamodb-toolbox/schema/boolean'
import { list } from 'dynamodb-toolbox/schema/list'
import { map } from 'dynamodb-toolbox/schema/map'
import { any } from 'dynamodb-toolbox/schema/any'
import { set } from 'dynamodb-toolbox/schema/set'
import { caseStatuses, clockStages, gaugeCounts, priorities, rateCounts, slaBandKeys } from '@linli/shared'
import type { LinliTable } from '../table'
import { keys } from '../keys'

const status = () => string().enum(...caseStatuses)

export function makeCaseEntities(table: LinliTable) {
  const Case = new Entity({
    name: 'Case',
    table,
    timestamps: false,
    schema: item({
      districtId: string().key(),
      caseId: string().key(),
      number: string(),
      status: status(),
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
      sealed: any().optional(),
      description: string(),
      lat: number().optional(),
      lng: number().optional(),
      cell: string().optional(),
      address: string().optional(),
      photoKeys: list(string()),
      acceptBy: string(),
      dispatchBy: string(),
      resolveBy: string(),
      sla: map({ stage: string().enum(...clockStages), startedAt: string(), deadline: string(), mark: string().enum('warn', 'overdue').optional() }).optional(),
      extension: map({ until: string(), reason: string(), byId: string(), byName: string(), at: string() }).optional(),
      extensionCount: number().optional(),
      late: boolean().optional(),
      supervision: map({ note: string(), byName: string(), at: string() }).optional(),
      tasks: list(
        map({
          departmentId: string(),
          departmentName: string(),
          assigneeIds: list(string()),
          assigneeNames: list(string()),
          status: string().enum('open', 'started', 'done'),
          note: string().optional(),
          photoKeys: list(string()),
          doneAt: string().optional(),
        }),
      ).optional(),
      flagged: boolean(),
      reopenCount: number(),
      rating: number().optional(),
      followerCount: number(),
      resolvedBy: string().optional(),
      // Photos WeChat's media check judged risky: added by the verdict's push alone, never written by a transition.
      hiddenPhotoKeys: set(string()).optional(),
      // The timeline lives in the case item: a transition appends to it in the same update that moves the case.
      timeline: list(
        map({
          eventId: string(),
          at: string(),
          type: string(),
          from: status().optional(),
          to: status().optional(),
          actorId: string(),
          actorName: string(),
          note: string().optional(),
          rating: number().optional(),
          photoKeys: list(string()),
          deadline: string().optional(),
        }),
      ),
      createdAt: string(),
      updatedAt: string(),
      // The case item is itself the entry of two lists: nearby while open (gsi1) and the district's by status (gsi2),
      // and sits on the due index (gsi3) while the clock has something to do with it.
      gsi1pk: string().optional(),
      gsi1sk: string().optional(),
      gsi2pk: string(),
      gsi2sk: string(),
      gsi3pk: string().optional(),
      gsi3sk: string().optional(),
    }),
    computeKey: ({ districtId, caseId }) => ({ pk: keys.case(districtId, caseId), sk: keys.caseItem }),
  })

  /** A case as one list shows it: gsi1 = the list, gsi2 = the list narrowed to one status. Sorted by last change. */
  const CaseView = new Entity({
    name: 'CaseView',
    table,
    timestamps: false,
    schema: item({
      districtId: string().key(),
      caseId: string().key(),
      viewKey: string().key(),
      /** The case version the entry shows: fan-out writes only over older entries. */
      version: number(),
      summary: any(),
      gsi1pk: string(),
      gsi1sk: string(),
      gsi2pk: string(),
      gsi2sk: string(),
    }),
    computeKey: ({ districtId, caseId, viewKey }) => ({ pk: keys.case(districtId, caseId), sk: keys.caseView(viewKey) }),
  })

  const Follower = new Entity({
    name: 'Follower',
    table,
    timestamps: false,
    schema: item({ districtId: string().key(), caseId: string().key(), userId: string().key(), name: string(), at: string() }),
    computeKey: ({ districtId, caseId, userId }) => ({ pk: keys.case(districtId, caseId), sk: keys.follower(userId) }),
  })

  const Counter = new Entity({
    name: 'Counter',
    table,
    timestamps: false,
    schema: item({ districtId: string().key(), name: string().key(), seq: number() }),
    computeKey: ({ districtId, name }) => ({ pk: keys.counter(districtId, name), sk: keys.counterItem }),
  })

  const UrgentMark = new Entity({
    name: 'UrgentMark',
    table,
    timestamps: false,
    schema: item({ districtId: string().key(), gridId: string().key(), categoryId: string().key(), caseId: string(), at: string(), ttl: number() }),
    computeKey: ({ districtId, gridId, categoryId }) => ({ pk: keys.urgent(districtId, gridId, categoryId), sk: keys.urgentItem }),
  })

  /** The 三率 counts, each ADDed to from the stream (absent until first counted). */
  const counts = Object.fromEntries(rateCounts.map((k) => [k, number().optional()]))

  const RateDay = new Entity({
    name: 'RateDay',
    table,
    timestamps: false,
    schema: item({
      districtId: string().key(),
      level: string().key(),
      nodeId: string().key(),
      day: string().key(),
      ...counts,
    }),
    computeKey: ({ districtId, level, nodeId, day }) => ({ pk: keys.rates(districtId, level, nodeId), sk: day }),
  })

  const RateMonth = new Entity({
    name: 'RateMonth',
    table,
    timestamps: false,
    schema: item({
      districtId: string().key(),
      level: string().key(),
      month: string().key(),
      nodeId: string().key(),
      ...counts,
    }),
    computeKey: ({ districtId, level, month, nodeId }) => ({ pk: keys.ratesMonth(districtId, level, month), sk: nodeId }),
  })

  const Gauge = new Entity({
    name: 'Gauge',
    table,
    timestamps: false,
    schema: item({
      districtId: string().key(),
      level: string().key(),
      nodeId: string().key(),
      ...Object.fromEntries(gaugeCounts.map((k) => [k, number().optional()])),
    }),
    computeKey: ({ districtId, level, nodeId }) => ({ pk: keys.gauges(districtId, level), sk: nodeId }),
  })

  /** Written with the counts of an outbox event, on condition it is new: a repeated step adds nothing (kept 7 days). */
  const RatesMark = new Entity({
    name: 'RatesMark',
    table,
    timestamps: false,
    schema: item({ districtId: string().key(), eventId: string().key(), ttl: number() }),
    computeKey: ({ districtId, eventId }) => ({ pk: keys.ratesMark(districtId, eventId), sk: keys.ratesMarkItem }),
  })

  return { Case, CaseView, Follower, Counter, UrgentMark, RateDay, RateMonth, Gauge, RatesMark }
}
