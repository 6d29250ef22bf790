/** What the scheduled jobs read: the due index, across every district (DESIGN.md §4). */
import type { NoticeRecord, OutboxEvent } from '../notify/ports'

/** One item that is due; each family with timed work adds its kind here. */
export type DueItem =
  | { kind: 'notice'; notice: NoticeRecord }
  | { kind: 'outboxEvent'; event: OutboxEvent }
  | { kind: 'case'; districtId: string; caseId: string }
  | { kind: 'booking'; districtId: string; bookingId: string }

export interface DueRepo {
  /** What is due at `now`, at most `limit` per day and shard; `scanned` is what DynamoDB read for it. */
  due(now: Date, limit: number, lookbackDays?: number): Promise<{ items: DueItem[]; scanned: number }>
}
