/**
 * The due index (gsi3, DESIGN.md §4): items that must be looked at by a time — notices to retry or whose lease ran
 * out, outbox steps the stream did not finish, cases the clock must act on. Partitioned by the UTC day they fall due
 * and a shard of their key, sorted by due time: a sweep reads the recent days' shards up to now, so what it reads
 * grows with the work due, not with the table, and every district is served by the same few queries.
 */
import type { Entities } from './entities'
import { DUE_SHARDS, keys } from './keys'
import { map } from 'dynamodb-toolbox/schema/map'
import { string } from 'dynamodb-toolbox/schema/string'
import { ap } from './patterns'
import { noticeRecord, outboxEventRecord } from './notify/outbox-repo'
import type { DueItem, DueRepo } from '../jobs/ports'
import type { Storage } from '../family'

/** What the due index projects: whole notices and outbox steps, and which subject is due (its kind and id). */
const DUE_ATTRIBUTES = [
  'districtId',
  'subjectKind',
  'subjectId',
  'noticeId',
  'eventId',
  'event',
  'recipientId',
  'recipientName',
  'templateKey',
  'fields',
  'state',
  'attempts',
  'lastErrcode',
  'lastError',
  'createdAt',
  'sentAt',
  'type',
  'payload',
  'cursor',
  'caseId',
  'bookingId',
] as const

/** The entities families put on the due index: the subject kind their timed work is filed under, and its id's attribute. */
export type DueSubjects = Record<string, { kind: string; id: string }>
/** The due subjects every family declares (`storage.dueSubjects`). */
export const dueSubjectsOf = (families: readonly { storage: Storage }[]): DueSubjects => Object.assign({}, ...families.map((f) => f.storage.dueSubjects ?? {}))

/** The entities of the due subjects (typed as today's: a case and a booking; at run time whatever the families name). */
const subjectEntities = (e: Entities, subjects: DueSubjects) =>
  Object.keys(subjects).map((name) => e[name as keyof Entities]) as unknown as [typeof e.Case, typeof e.Booking]

/** Access pattern "due now": per day and shard, Query gsi3pk = DUE#<day>#<shard>, gsi3sk ≤ now, oldest first. */
export const dueNow = (e: Entities, subjects: DueSubjects) =>
  ap(e)
    .entities(e.Notice, e.OutboxEvent, ...subjectEntities(e, subjects))
    .schema(map({ partition: string(), now: string() }))
    .pattern(({ partition, now }) => ({ index: 'gsi3', partition, range: { lte: keys.dueUpTo(now) } }))
    .options({ showEntityAttr: true, attributes: [...DUE_ATTRIBUTES] })

/** Days looked back: anything due for longer (the sweeper was down a week) needs a sweep with a larger lookback. */
export const DUE_LOOKBACK_DAYS = 7
export function makeDueRepo(e: Entities, subjects: DueSubjects): DueRepo {
  const pattern = dueNow(e, subjects)
  const partitions = (now: Date, lookbackDays: number) =>
    Array.from({ length: lookbackDays + 1 }, (_, d) => new Date(now.getTime() - d * 86_400_000).toISOString()).flatMap((iso) =>
      Array.from({ length: DUE_SHARDS }, (_, shard) => keys.duePartition(iso, shard)),
    )
  return {
    async due(now, limit, lookbackDays = DUE_LOOKBACK_DAYS) {
      const pages = await Promise.all(
        partitions(now, lookbackDays).map((partition) =>
          pattern
            .query({ partition, now: now.toISOString() })
            .options((o) => ({ ...o, limit }))
            .send(),
        ),
      )
      const items: DueItem[] = pages.flatMap((p) =>
        (p.Items ?? []).map((i): DueItem => {
          if (i.entity === 'Notice') return { kind: 'notice', notice: noticeRecord(i) }
          if (i.entity === 'OutboxEvent') return { kind: 'outboxEvent', event: outboxEventRecord(i) }
          const subject = subjects[i.entity]
          // A family that puts its records on the due index names them here: an item nobody knows is a bug, not a case.
          if (!subject) throw new Error(`due index: no work is known for a ${String((i as { entity?: unknown }).entity)} item`)
          return { kind: 'subject', subject: subject.kind, districtId: i.districtId, id: String((i as Record<string, unknown>)[subject.id]) }
        }),
      )
      return { items, scanned: pages.reduce((n, p) => n + (p.ScannedCount ?? 0), 0) }
    },
  }
}
