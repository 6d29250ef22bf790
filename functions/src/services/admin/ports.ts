/** District administration's records and how they are stored. */
import type { DepsOf } from '../deps'
import type { Page } from '../field/ports'
import type { AdminChangeKind, RouteBody, adminCategoryPut, adminDepartmentPut } from '@linli/shared'

/** The record a change writes, by kind. */
export type Edited<K extends AdminChangeKind> = K extends 'department' ? RouteBody<typeof adminDepartmentPut> : RouteBody<typeof adminCategoryPut>

/** One admin change to the district's reference data. */
export interface ChangeRecord<K extends AdminChangeKind = AdminChangeKind> {
  districtId: string
  at: string
  userId: string
  userName: string
  kind: K
  subjectId: string
  /** Absent when the change created the record. */
  before?: Edited<K>
  after: Edited<K>
}

export interface AdminRepo {
  /** The record as stored now (read consistently): what a change replaces. */
  current<K extends AdminChangeKind>(districtId: string, kind: K, id: string): Promise<Edited<K> | undefined>
  /** Writes the record and its change in one transaction. */
  apply(change: ChangeRecord): Promise<void>
  /** One page of a China date's changes, newest first. */
  changes(districtId: string, date: string, limit: number, startKey?: Record<string, unknown>): Promise<Page<ChangeRecord>>
}

/** What administration is done with: its change log, the district's catalogue (fresh from the table, and cached), the clock, the cursor secret. */
export type AdminDeps = DepsOf<'admin' | 'catalogue', 'catalogue' | 'clock' | 'cursorSecret'>
