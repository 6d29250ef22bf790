/** How a caller stands to a case, and which lists a case appears in. Roles come from our records only. */
import { openStatuses, type Actor } from '@linli/shared'
import { geohash } from '../adapters/geohash'
import type { CaseRecord, Caller } from '../model'

export function actorsFor(caller: Caller, c: Pick<CaseRecord, 'reporterId' | 'levelNodeId' | 'assigneeIds' | 'gridId' | 'districtId'>): Set<Actor> {
  const actors = new Set<Actor>()
  if (caller.user.districtId !== c.districtId) return actors
  const holds = (role: string, scopeId: string) => caller.roles.some((r) => r.role === role && r.scopeId === scopeId)
  if (caller.user.id === c.reporterId) actors.add('reporter')
  if (holds('dispatcher', c.levelNodeId)) actors.add('dispatcher')
  if (c.assigneeIds.includes(caller.user.id)) actors.add('assignee')
  if (holds('gridworker', c.gridId) || holds('grid_leader', c.gridId)) actors.add('gridworker')
  return actors
}

/** Reporters and followers see their own, grid staff their grid's, dispatchers their level's, officials theirs. */
export const canView = (caller: Caller, c: CaseRecord, followers: readonly { id: string }[]) =>
  actorsFor(caller, c).size > 0 || (caller.user.districtId === c.districtId && followers.some((f) => f.id === caller.user.id))

export const isStaffOf = (caller: Caller, c: CaseRecord) => [...actorsFor(caller, c)].some((a) => a !== 'reporter')

/**
 * The lists a case appears in (see db/README.md): list entries for people's lists, and the nearby cell while the
 * case is open (carried by the case item itself, as is the district-wide list by status).
 */
export function listKeysOf(c: Omit<CaseRecord, 'viewKeys' | 'nearKey'>, followers: readonly { id: string }[]): Pick<CaseRecord, 'viewKeys' | 'nearKey'> {
  return {
    viewKeys: [`MINE#${c.reporterId}`, ...followers.map((f) => `MINE#${f.id}`), `GRID#${c.gridId}`, `QUEUE#${c.levelNodeId}`, ...c.assigneeIds.map((a) => `ASSIGNED#${a}`)],
    nearKey: openStatuses.includes(c.status) ? nearKey(c.districtId, geohash(c.lat, c.lng), c.categoryId) : undefined,
  }
}

export const nearKey = (districtId: string, cell: string, categoryId: string) => `NEAR#${districtId}#${cell}#${categoryId}`
