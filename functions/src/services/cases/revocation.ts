/**
 * An official whose role was taken back leaves the cases of that department they were handling (issue "Trust, second
 * round"): they are taken off the case, their list entry goes, and the last handler's case goes back to the level's
 * dispatchers to be dispatched again (待重新派单), who are told. A page of the official's list per outbox step.
 */
import { caseLifecycle, openStatuses } from '@linli/shared'
import type { RevokedRole } from '../../family'
import { apply } from './events'
import type { CasesDeps } from './ports'

const system = new Set(['system'] as const)

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
  for (const loaded of open.length ? await deps.repos.cases.many(r.districtId, open) : []) {
    const c = loaded.record
    const at = c.assigneeIds.indexOf(r.userId)
    if (at < 0 || c.departmentId !== r.scopeId) continue
    const keep = (_: string, i: number) => i !== at
    const last = c.assigneeIds.length === 1
    const row = caseLifecycle.row(c.status, 'unassign', system, last ? 'revocation' : 'revocationShared')
    if (!row) continue
    // The reporter and followers read the timeline too: who left, and why, is the district's own business.
    const note = last ? '处理人员调整，待重新派单' : '处理人员调整'
    // A case that moved meanwhile fails the step (case.conflict): the outbox runs it again and finds it as it is then.
    await apply(
      deps,
      loaded,
      row,
      { next: { assigneeIds: c.assigneeIds.filter(keep), assigneeNames: c.assigneeNames.filter(keep) }, note },
      { id: 'system', name: '系统' },
    )
  }
  return { cursor: listed.lastKey && JSON.stringify(listed.lastKey) }
}
