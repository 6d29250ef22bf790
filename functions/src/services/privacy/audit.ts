/** The audit log of unmasked reads of personal information, for the district admin. */
import { decodeCursor, encodeCursor } from '../cursor'
import type { Caller } from '../identity/ports'
import type { AuditRecord, PrivacyDeps } from './ports'
import type { DepsOf } from '../deps'

/** Writes what the caller read unmasked (or exported, or issued) to the audit log, before the answer leaves. */
export const audited = (deps: DepsOf<'audit', 'clock'>, caller: Caller, entry: Pick<AuditRecord, 'subject' | 'ids' | 'fields' | 'route'>) =>
  deps.repos.audit.record({ districtId: caller.user.districtId, at: deps.clock().toISOString(), userId: caller.user.id, userName: caller.user.name, ...entry })

/** A day of the audit log (China date), newest first: the district admin's. */
export async function auditPage(deps: PrivacyDeps, caller: Caller, q: { date: string; cursor?: string; limit: number }) {
  const list = `audit:${q.date}`
  const page = await deps.repos.audit.day(caller.user.districtId, q.date, q.limit, decodeCursor(deps.cursorSecret, list, q.cursor))
  return { items: page.items.map(({ districtId: _d, ...entry }) => entry), nextCursor: encodeCursor(deps.cursorSecret, list, page.lastKey) }
}
