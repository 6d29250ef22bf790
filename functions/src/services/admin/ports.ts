/** District administration's records and how they are stored. */
import type { DepsOf } from '../deps'
import type { Page } from '../field/ports'
import type { NodeRecord } from '../district/ports'
import type { AdminChangeKind, RouteBody, adminCategoryPut, adminDepartmentPut } from '@linli/shared'

/** What a change records of each kind of record (a grid: its name, community and the size of its boundary, not the boundary itself). */
export interface EditedRecords {
  department: RouteBody<typeof adminDepartmentPut>
  category: RouteBody<typeof adminCategoryPut>
  grid: { name: string; communityId: string; vertices: number; retired?: true }
}
export type Edited<K extends AdminChangeKind> = EditedRecords[K]

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
  current<K extends 'department' | 'category'>(districtId: string, kind: K, id: string): Promise<Edited<K> | undefined>
  /** Writes the record and its change in one transaction. */
  apply(change: ChangeRecord): Promise<void>
  /**
   * Writes an import's grids (new or changed: whole records) and their changes, 25 items a batch. Not one transaction
   * (an import may hold a thousand grids): every item is keyed, so the same import applied again ends the same.
   */
  applyGrids(
    districtId: string,
    grids: readonly NodeRecord[],
    retired: readonly { node: NodeRecord; at: string }[],
    changes: readonly ChangeRecord[],
  ): Promise<void>
  /** One page of a China date's changes, newest first. */
  changes(districtId: string, date: string, limit: number, startKey?: Record<string, unknown>): Promise<Page<ChangeRecord>>
}

/**
 * What administration is done with: its change log, the district's catalogue (fresh from the table, and cached), the
 * clock, the cursor secret, identity's people (the staff list), and what reading an admin's upload needs (its storage, the salt that marks it theirs).
 */
export type AdminDeps = DepsOf<'admin' | 'catalogue' | 'users', 'catalogue' | 'clock' | 'cursorSecret' | 'idSalt' | 'newId' | 'storage'>
