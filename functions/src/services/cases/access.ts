/** How a caller stands to a case: the lifecycle's actors, from our records and the permission table only. */
import type { Actor } from '@linli/shared'
import type { Caller } from '../identity/ports'
import { may } from '../authorize'
import type { CaseRecord } from './ports'

type Standing = Pick<CaseRecord, 'reporterId' | 'levelNodeId' | 'assigneeIds' | 'departmentId' | 'gridId' | 'districtId' | 'resolvedBy' | 'tasks'>

export function actorsFor(caller: Caller, c: Standing): Set<Actor> {
  const actors = new Set<Actor>()
  if (caller.user.districtId !== c.districtId) return actors
  // A gridworker who resolved their own report on the spot is its handler, not a resident who rates it.
  if (caller.user.id === c.reporterId && c.resolvedBy !== caller.user.id) actors.add('reporter')
  if (may(caller, 'cases.dispatch', c.levelNodeId)) actors.add('dispatcher')
  if (may(caller, 'cases.supervise')) actors.add('supervisor')
  if (c.assigneeIds.includes(caller.user.id) && may(caller, 'cases.handle', c.departmentId)) actors.add('assignee')
  if (taskOf(caller, c)) actors.add('co_assignee')
  if (may(caller, 'cases.gridwork', c.gridId)) actors.add('gridworker')
  return actors
}

/** The co-department task (联办) the caller is an official of, if any. */
export const taskOf = (caller: Caller, c: Pick<CaseRecord, 'tasks'>) =>
  c.tasks?.find((t) => t.assigneeIds.includes(caller.user.id) && may(caller, 'cases.handle', t.departmentId))

/** The actors who may fire events: those of {@link actorsFor}; a resident of the district with no part in it is a neighbour. */
export function eventActors(caller: Caller, c: Standing): Set<Actor> {
  const actors = actorsFor(caller, c)
  if (!actors.size && caller.user.districtId === c.districtId && caller.user.id !== c.reporterId) actors.add('neighbour')
  return actors
}

/** Reporters and followers see their own, grid staff their grid's, dispatchers their level's, officials theirs; leaders every case of the district. */
export const canView = (caller: Caller, c: Standing, following: boolean) =>
  caller.user.districtId === c.districtId && (following || caller.user.id === c.reporterId || actorsFor(caller, c).size > 0 || may(caller, 'cases.watch'))

export const isStaffOf = (caller: Caller, c: Standing) => [...actorsFor(caller, c)].some((a) => a !== 'reporter')
