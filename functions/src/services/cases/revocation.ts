/**
 * An official whose role was taken back leaves the cases of that department they were handling (issue "Trust, second
 * round"): they are taken off the case or its co-department's task (联办), their list entry goes, and the last
 * handler's case goes back to the level's dispatchers to be dispatched again (待重新派单), who are told. A task whose
 * last official left goes to its department's officials as they are now; a department with none left sends the case
 * back to the dispatchers too. A page of the official's list per outbox step.
 */
import { caseLifecycle, openStatuses } from '@linli/shared'
import type { RevokedRole } from '../../family'
import { apply, taskOfficials, unassigned } from './events'
import type { CaseRecord, CasesDeps, CaseTask, TimelineRecord } from './ports'
import type { HandlersGone } from './outbox'

const system = new Set(['system'] as const)
type Handlers = Pick<CaseTask, 'assigneeIds' | 'assigneeNames'>

/** The handlers without the one who left. */
const without = (h: Handlers, userId: string): Handlers => {
  const keep = (_: string, i: number) => h.assigneeIds[i] !== userId
  return { assigneeIds: h.assigneeIds.filter(keep), assigneeNames: h.assigneeNames.filter(keep) }
}

/** The case as it is once the official left it, and whether nobody is left to finish it. */
async function leftBy(deps: CasesDeps, c: CaseRecord, r: RevokedRole): Promise<{ next: Partial<CaseRecord>; orphaned: boolean } | undefined> {
  const lead = c.departmentId === r.scopeId && c.assigneeIds.includes(r.userId)
  const task = c.tasks?.find((t) => t.departmentId === r.scopeId && t.assigneeIds.includes(r.userId))
  if (!lead && !task) return undefined
  const next: Partial<CaseRecord> = lead ? without(c, r.userId) : {}
  if (task) {
    let handlers = without(task, r.userId)
    if (!handlers.assigneeIds.length && task.status !== 'done') {
      const now = await taskOfficials(deps, c.districtId, task.departmentId)
      handlers = { assigneeIds: now.map((o) => o.userId), assigneeNames: now.map((o) => o.name) }
      if (!handlers.assigneeIds.length) return { next: unassigned, orphaned: true }
    }
    next.tasks = c.tasks!.map((t) => (t === task ? { ...t, ...handlers } : t))
  }
  return { next, orphaned: lead && !next.assigneeIds!.length }
}

export async function officialLeft(deps: CasesDeps, r: RevokedRole, page: { cursor?: string; limit: number }): Promise<{ cursor?: string }> {
  if (r.role !== 'official') return {}
  const listed = await deps.repos.cases.list(
    r.districtId,
    { kind: 'assigned', userId: r.userId },
    undefined,
    page.limit,
    page.cursor ? (JSON.parse(page.cursor) as Record<string, unknown>) : undefined,
  )
  const open = listed.items.filter((s) => openStatuses.includes(s.status)).map((s) => s.caseId)
  for (const loaded of open.length ? await deps.repos.cases.many(r.districtId, open) : []) await leave(deps, loaded, r)
  return { cursor: listed.lastKey && JSON.stringify(listed.lastKey) }
}

/** The handlers a case's fan-out found without their binding any more: each leaves the case as it is now. */
export const handlersGone: HandlersGone = async (deps, districtId, caseId, gone) => {
  for (const h of gone) {
    const loaded = await deps.repos.cases.get(districtId, caseId)
    if (loaded && h.departmentId) await leave(deps, loaded, { districtId, userId: h.id, userName: h.name, role: 'official', scopeId: h.departmentId })
  }
}

async function leave(deps: CasesDeps, loaded: { record: CaseRecord; timeline: TimelineRecord[] }, r: RevokedRole) {
  const c = loaded.record
  const left = await leftBy(deps, c, r)
  if (!left) return
  // A resolved case waits for its reporter as it is: a reopen with nobody on it goes to the dispatchers then.
  const back = left.orphaned && c.status !== 'resolved'
  const row = caseLifecycle.row(c.status, 'unassign', system, back ? 'revocation' : 'revocationShared')
  if (!row) return
  // The reporter and followers read the timeline too: who left, and why, is the district's own business.
  const note = back ? '处理人员调整，待重新派单' : '处理人员调整'
  // A case that moved meanwhile fails the step (case.conflict): the outbox runs it again and finds it as it is then.
  await apply(deps, loaded, row, { next: back ? unassigned : left.next, note }, { id: 'system', name: '系统' })
}
