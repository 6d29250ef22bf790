/** Reading cases: the detail a caller may see, the lists by role, and open cases nearby. */
import { allowedEvents, DomainError, openStatuses, type CaseDetail, type CaseSummary } from '@linli/shared'
import { cellsAround, distanceMeters } from '../adapters/geohash'
import { summaryOf, type CaseRecordSummary } from '../db'
import type { CaseRecord, Caller, TimelineRecord } from '../model'
import { actorsFor, canView, nearKey } from './case-access'
import { decodeCursor, encodeCursor } from './cursor'
import type { Deps } from './deps'

export const NEARBY_METERS = 300

/** 138****5678: the contact phone as everyone but the reporter and the handlers sees it. */
export const maskPhone = (phone: string) => phone.replace(/^(\d{3})\d{4}(\d{4})$/, '$1****$2')

export async function loadVisible(deps: Deps, caller: Caller, caseId: string) {
  const found = await deps.repos.cases.detail(caseId)
  if (!found || !canView(caller, found.record, found.followers)) throw new DomainError('case.notFound', [{ path: 'id', message: '事件不存在' }])
  return found
}

export async function getCaseDetail(deps: Deps, caller: Caller, caseId: string): Promise<CaseDetail> {
  const { record, timeline, followers } = await loadVisible(deps, caller, caseId)
  return detailView(deps, caller, record, timeline, followers)
}

export async function detailView(deps: Deps, caller: Caller, c: CaseRecord, timeline: TimelineRecord[], followers: readonly { id: string }[]): Promise<CaseDetail> {
  const actors = actorsFor(caller, c)
  const { departments } = await deps.catalogue(c.districtId)
  const photos = (keys: readonly string[]) => Promise.all(keys.map(async (key) => ({ key, url: await deps.storage.viewUrl(key) })))
  const seesPhone = actors.has('reporter') || actors.has('assignee')
  return {
    ...summaryView(summaryOf(c), deps.clock()),
    description: c.description,
    location: { lat: c.lat, lng: c.lng, address: c.address },
    photos: await photos(c.photoKeys),
    reporterName: c.anonymous && !actors.has('reporter') ? undefined : c.reporterName,
    contactPhone: c.contactPhone && (seesPhone ? c.contactPhone : maskPhone(c.contactPhone)),
    departmentId: c.departmentId,
    departmentName: departments.find((d) => d.id === c.departmentId)?.name ?? '',
    assignees: c.assigneeIds.map((id, i) => ({ id, name: c.assigneeNames[i] ?? '' })),
    levelNodeId: c.levelNodeId,
    deadlines: { acceptBy: c.acceptBy, dispatchBy: c.dispatchBy, resolveBy: c.resolveBy },
    rating: c.rating,
    reopenCount: c.reopenCount,
    version: c.version,
    following: followers.some((f) => f.id === caller.user.id),
    timeline: await Promise.all(
      [...timeline]
        .sort((a, b) => a.eventId.localeCompare(b.eventId))
        .map(async (t) => ({
          at: t.at,
          type: t.type as CaseDetail['timeline'][number]['type'],
          // An anonymous reporter stays anonymous in the timeline too.
          actorName: t.actorId === c.reporterId && c.anonymous && !actors.has('reporter') ? '匿名居民' : t.actorName,
          note: t.note,
          rating: t.rating,
          photos: await photos(t.photoKeys),
        })),
    ),
    allowedEvents: allowedEvents(c.status, actors),
  }
}

/** The API's summary of a list entry: its fields, plus whether it is overdue now. */
function summaryView({ caseId, lat: _lat, lng: _lng, ...rest }: CaseRecordSummary, now: Date): CaseSummary {
  const overdue = openStatuses.includes(rest.status) && rest.status !== 'resolved' && now.toISOString() > rest.resolveBy
  return { ...rest, id: caseId, overdue }
}

type View = 'mine' | 'queue' | 'assigned' | 'grid'

/** The list key a caller may read for a view; a scope the caller does not hold is refused. */
function listKey(caller: Caller, view: View, scopeId?: string): string {
  const scoped = (roles: string[], prefix: string) => {
    const held = caller.roles.filter((r) => roles.includes(r.role)).map((r) => r.scopeId)
    const scope = scopeId ?? held[0]
    if (!scope || !held.includes(scope)) throw new DomainError('auth.forbidden', [{ path: scopeId ? 'scopeId' : 'view', message: '你没有查看这一列表的权限' }])
    return `${prefix}#${scope}`
  }
  switch (view) {
    case 'mine':
      return `MINE#${caller.user.id}`
    case 'assigned':
      if (!caller.roles.some((r) => r.role === 'official')) throw new DomainError('auth.forbidden', [{ path: 'view', message: '只有部门工作人员有工单列表' }])
      return `ASSIGNED#${caller.user.id}`
    case 'queue':
      return scoped(['dispatcher'], 'QUEUE')
    case 'grid':
      return scoped(['gridworker', 'grid_leader'], 'GRID')
  }
}

export async function listCases(deps: Deps, caller: Caller, q: { view: View; status?: CaseSummary['status']; scopeId?: string; cursor?: string; limit: number }) {
  const key = listKey(caller, q.view, q.scopeId)
  const list = q.status ? `${key}#${q.status}` : key
  const page = await deps.repos.cases.list(key, q.status, q.limit, decodeCursor(deps.cursorSecret, list, q.cursor))
  const now = deps.clock()
  return { items: page.items.map((s) => summaryView(s, now)), nextCursor: encodeCursor(deps.cursorSecret, list, page.lastKey) }
}

/** Open cases of the category within ~300 m: the nine geohash cells around the point, then exact distance. */
export async function nearbyCases(deps: Deps, caller: Caller, q: { lat: number; lng: number; categoryId: string }) {
  const now = deps.clock()
  const pages = await Promise.all(cellsAround(q.lat, q.lng).map((cell) => deps.repos.cases.near(nearKey(caller.user.districtId, cell, q.categoryId), 50)))
  const items = pages
    .flatMap((p) => p.items)
    .filter((s) => openStatuses.includes(s.status))
    .map((s) => ({ ...summaryView(s, now), distanceMeters: Math.round(distanceMeters(q, s)) }))
    .filter((s) => s.distanceMeters <= NEARBY_METERS)
    .sort((a, b) => a.distanceMeters - b.distanceMeters)
  return { items }
}
