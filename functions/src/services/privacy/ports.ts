/** Privacy's records: the audit log of unmasked reads of personal information. */
import type { DepsOf } from '../deps'
import type { Page } from '../field/ports'

export interface AuditRecord {
  districtId: string
  at: string
  userId: string
  userName: string
  subject: string
  ids: string[]
  fields: string[]
  route: string
}

export interface AuditRepo {
  /** Records one unmasked read (before its answer leaves). */
  record(entry: AuditRecord): Promise<void>
  /** One page of a China date's log, newest first. */
  day(districtId: string, date: string, limit: number, startKey?: Record<string, unknown>): Promise<Page<AuditRecord>>
}

/** What the audit log is read with. */
export type PrivacyDeps = DepsOf<'audit', 'cursorSecret'>
