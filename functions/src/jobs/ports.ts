/** What the scheduled jobs read: the due index, across every district (DESIGN.md §4). */
import type { NoticeRecord, OutboxEvent } from '../notify/ports'

/**
 * One item that is due: a notice, an outbox step, or a family's subject with timed work (a case, a booking: the
 * family's `due` in functions/src/families.ts does it).
 */
export type DueItem =
  | { kind: 'notice'; notice: NoticeRecord }
  | { kind: 'outboxEvent'; event: OutboxEvent }
  | { kind: 'subject'; subject: string; districtId: string; id: string }

export interface DueRepo {
  /** What is due at `now`, at most `limit` per day and shard; `scanned` is what DynamoDB read for it. */
  due(now: Date, limit: number, lookbackDays?: number): Promise<{ items: DueItem[]; scanned: number }>
}
