/** Reading cases: the detail a caller may see, the lists by role, and open cases nearby. */
import {
  allowedEvents,
  DomainError,
  moderationEvents,
  isWithin,
  openStatuses,
  scopesFor,
  type CaseDetail,
  type CaseEventType,
  type CaseSummary,
} from '@linli/shared'
import { publicSummaryOf, summaryOf } from '@linli/shared'
import { cellsAround, distanceMeters } from '../../adapters/geohash'
import { maskPhone } from '../../adapters/pii'
import type { Caller } from '../identity/ports'
import { authorize, may } from '../authorize'
import { decodeCursor, encodeCursor } from '../cursor'
import type { CaseList, CaseRecord, CasesDeps, CaseSummaryRecord, TimelineRecord } from './ports'
import { actorsFor, canView, eventActors, isStaffOf, taskOf } from './access'
import { enforce, type Limit } from '../identity/limits'
import { audited } from '../privacy/audit'

export const NEARBY_METERS = 300

/**
 * The reporter's contact phone: their own to them, unmasked to the case's handlers (each such read in the audit log),
 * masked (138****5678) to the other staff of the case.
 */
async function contactPhone(deps: CasesDeps, caller: Caller, c: CaseRecord, how: 'own' | 'open' | 'masked'): Promise<string | undefined> {
  if (!c.sealed?.contactPhone) return undefined
  const { contactPhone: phone } = await deps.pii.open(c.districtId, c.caseId, c.sealed)
  if (how === 'masked') return maskPhone(phone)
  if (how === 'open')
    await audited(deps, caller, {
      subject: 'case',
      ids: [c.caseId],
      fields: ['contactPhone'],
      route: 'GET /v1/cases/{id}',
    })
  return phone
}

const notFound = () => new DomainError('case.notFound', [{ path: 'id', message: '事件不存在' }])

/** Whether strangers may meet cases of a category (nearby, "me too"): not one of a sensitive class (disputes, order, welfare). */
export async function isPublicCategory(deps: CasesDeps, districtId: string, categoryId: string) {
  const { categories, classes } = await deps.catalogue(districtId)
  const category = categories.find((c) => c.id === categoryId)
  return !!category && !classes.find((c) => c.id === category.classId)?.sensitive
}

/** Whether any resident may meet the case (nearby, "me too", 举报): open, not flagged, not of a sensitive class. */
export const isFindable = async (deps: CasesDeps, c: CaseRecord) =>
  openStatuses.includes(c.status) && !c.flagged && (await isPublicCategory(deps, c.districtId, c.categoryId))

/**
 * The case as the caller may see it, or 404: a case of another district, or one the caller has no part in — unless
 * `findable` lets in a case any resident may meet (to follow or report it from nearby).
 */
export async function loadVisible(deps: CasesDeps, caller: Caller, caseId: string, opts: { findable?: boolean } = {}) {
  const found = await deps.repos.cases.get(caller.user.districtId, caseId)
  if (!found) throw notFound()
  const following = caller.user.id !== found.record.reporterId && (await deps.repos.cases.isFollower(found.record.districtId, caseId, caller.user.id))
  if (!canView(caller, found.record, following) && !(opts.findable && (await isFindable(deps, found.record)))) throw notFound()
  return { ...found, following }
}

/**
 * What a case's share card opens: category, status, grid, times and followers — never the reporter's words, place,
 * photos or name. A case of a sensitive class, or one whose text waits for review, has no public face (404).
 */
export async function publicCaseView(deps: CasesDeps, caller: Caller, caseId: string) {
  const found = await deps.repos.cases.get(caller.user.districtId, caseId)
  if (!found || found.record.flagged || !(await isPublicCategory(deps, found.record.districtId, found.record.categoryId))) throw notFound()
  return { ...summaryView(publicSummaryOf(summaryOf(found.record)), deps.clock()), followerCount: found.record.followerCount }
}

export async function getCaseDetail(deps: CasesDeps, caller: Caller, caseId: string): Promise<CaseDetail> {
  const { record, timeline, following } = await loadVisible(deps, caller, caseId)
  return detailView(deps, caller, record, timeline, following)
}

export async function detailView(deps: CasesDeps, caller: Caller, c: CaseRecord, timeline: TimelineRecord[], following: boolean): Promise<CaseDetail> {
  const actors = actorsFor(caller, c)
  const { departments } = await deps.catalogue(c.districtId)
  // A photo WeChat's media check judged risky is shown to nobody.
  const hidden = new Set(c.hiddenPhotoKeys)
  const photos = (keys: readonly string[]) =>
    Promise.all(keys.filter((key) => !hidden.has(key)).map(async (key) => ({ key, url: await deps.storage.viewUrl(key) })))
  const isReporter = caller.user.id === c.reporterId
  // A follower with no part in the case sees its public view (publicSummaryOf): nothing anyone wrote, nor where. A
  // leader (领导) reads the case as it is (the reporter's phone masked) and acts on nothing.
  const stranger = !isReporter && actors.size === 0 && !may(caller, 'cases.watch')
  const seesPhone = isReporter || actors.has('assignee')
  const summary = summaryOf(c)
  // What was reported about the content, and its review, is for staff only.
  const staff = isStaffOf(caller, c)
  const shown = staff ? timeline : timeline.filter((t) => !(moderationEvents as readonly string[]).includes(t.type))
  // Events whose subject is missing are not offered: no flag to clear, an extension asked or none to answer.
  const task = taskOf(caller, c)
  const pointless: Partial<Record<CaseEventType, boolean>> = {
    clear_flag: !c.flagged,
    request_extension: !!c.extension,
    approve_extension: !c.extension,
    decline_extension: !c.extension,
    start_task: task?.status !== 'open',
    finish_task: !task || task.status === 'done',
  }
  const events = allowedEvents(c.status, eventActors(caller, c)).filter((e) => !pointless[e])
  return {
    ...summaryView(stranger ? publicSummaryOf(summary) : summary, deps.clock()),
    description: stranger ? undefined : c.description,
    location: stranger ? { lat: coarse(c.lat), lng: coarse(c.lng) } : { lat: c.lat, lng: c.lng, address: c.address },
    photos: stranger ? [] : await photos(c.photoKeys),
    reporterName: stranger || (c.anonymous && !isReporter) ? undefined : c.reporterName,
    contactPhone: stranger ? undefined : await contactPhone(deps, caller, c, seesPhone && !isReporter ? 'open' : isReporter ? 'own' : 'masked'),
    departmentId: c.departmentId,
    departmentName: departments.find((d) => d.id === c.departmentId)?.name ?? '',
    assignees: c.assigneeIds.map((id, i) => ({ id, name: c.assigneeNames[i] ?? '' })),
    levelNodeId: c.levelNodeId,
    deadlines: { acceptBy: c.acceptBy, dispatchBy: c.dispatchBy, resolveBy: c.resolveBy },
    clock: stranger ? undefined : c.sla,
    extension: staff && c.extension ? { until: c.extension.until, reason: c.extension.reason, byName: c.extension.byName, at: c.extension.at } : undefined,
    extensionCount: c.extensionCount ?? 0,
    supervision: stranger ? undefined : c.supervision,
    tasks: stranger
      ? []
      : await Promise.all(
          (c.tasks ?? []).map(async (t) => ({
            departmentId: t.departmentId,
            departmentName: t.departmentName,
            status: t.status,
            assignees: t.assigneeIds.map((id, i) => ({ id, name: t.assigneeNames[i] ?? '' })),
            note: t.note,
            photos: await photos(t.photoKeys),
            doneAt: t.doneAt,
          })),
        ),
    rating: stranger ? undefined : c.rating,
    reopenCount: c.reopenCount,
    version: c.version,
    following,
    followerCount: c.followerCount,
    timeline: await Promise.all(
      [...shown]
        .sort((a, b) => a.eventId.localeCompare(b.eventId))
        .map(async (t) => ({
          at: t.at,
          type: t.type as CaseDetail['timeline'][number]['type'],
          from: t.from,
          to: t.to,
          // An anonymous reporter stays anonymous in the timeline too; a stranger reads no note, rating or photo.
          actorName: t.actorId === c.reporterId && (stranger || (c.anonymous && !isReporter)) ? '匿名居民' : t.actorName,
          deadline: t.deadline,
          ...(stranger ? { photos: [] } : { note: t.note, rating: t.rating, photos: await photos(t.photoKeys) }),
        })),
    ),
    allowedEvents: events,
    referral: c.status === 'referred' ? { bookable: isReporter } : undefined,
  }
}

/** ~100 m: where a stranger may know a case is, not which door. */
/** A stranger's view of a position: snapped to 0.001° (about 100 m). */
const coarse = (degrees?: number) => (degrees === undefined ? undefined : Math.round(degrees * 1000) / 1000)
/** A distance told to a stranger: the 100 m step it falls in, rounded up (约 100 米 for anything closer). */
const banded = (meters: number) => Math.max(1, Math.ceil(meters / NEARBY_BAND_METERS)) * NEARBY_BAND_METERS

/** The API's summary of a list entry: its fields, plus whether it is overdue now. */
function summaryView({ caseId, lat: _lat, lng: _lng, ...rest }: CaseSummaryRecord, now: Date): CaseSummary {
  const overdue = rest.mark === 'overdue' || (openStatuses.includes(rest.status) && rest.status !== 'resolved' && now.toISOString() > rest.resolveBy)
  return { ...rest, id: caseId, overdue }
}

type View = 'mine' | 'queue' | 'warned' | 'assigned' | 'grid'

/** The list a caller may read for a view (the permission table decides); a scope the caller does not hold is refused. */
/** Whether the caller watches the grid from a level above it (a street's or the district's dispatcher, a leader). */
async function watchesGrid(deps: CasesDeps, caller: Caller, gridId: string) {
  const scopes = scopesFor(caller.roles, 'cases.list.watch')
  if (!scopes.length) return false
  const { nodes } = await deps.catalogue(caller.user.districtId)
  return nodes.find((n) => n.id === gridId)?.level === 'grid' && isWithin(nodes, gridId, scopes)
}

function listFor(caller: Caller, view: View, scopeId?: string): CaseList {
  const deny = { path: scopeId ? 'scopeId' : 'view', message: '你没有查看这一列表的权限' }
  const scoped = (action: 'cases.list.queue' | 'cases.list.grid') => {
    const scope = scopeId ?? caller.roles.find((r) => may(caller, action, r.scopeId))?.scopeId
    authorize(caller, action, scope ?? '', deny.path, deny.message)
    return scope!
  }
  switch (view) {
    case 'mine':
      return { kind: 'mine', userId: caller.user.id }
    case 'assigned':
      authorize(caller, 'cases.list.assigned', undefined, 'view', '只有部门工作人员有工单列表')
      return { kind: 'assigned', userId: caller.user.id }
    case 'queue':
    case 'warned':
      return { kind: view, nodeId: scoped('cases.list.queue') }
    case 'grid':
      return { kind: 'grid', gridId: scoped('cases.list.grid') }
  }
}

export async function listCases(
  deps: CasesDeps,
  caller: Caller,
  q: { view: View; status?: CaseSummary['status']; scopeId?: string; cursor?: string; limit: number },
) {
  const watched = q.view === 'grid' && q.scopeId && !may(caller, 'cases.list.grid', q.scopeId) && (await watchesGrid(deps, caller, q.scopeId))
  const list: CaseList = watched ? { kind: 'grid', gridId: q.scopeId! } : listFor(caller, q.view, q.scopeId)
  const name = [caller.user.districtId, q.view, Object.values(list).join(':'), q.status ?? ''].join('#')
  const page = await deps.repos.cases.list(caller.user.districtId, list, q.status, q.limit, decodeCursor(deps.cursorSecret, name, q.cursor))
  const now = deps.clock()
  return { items: page.items.map((s) => summaryView(s, now)), nextCursor: encodeCursor(deps.cursorSecret, name, page.lastKey) }
}

/** Nearby lookups one person may make: a report's few, with room; far too few to map a street's reports. */
export const NEARBY_LIMIT: Limit = { name: 'cases.nearby', label: '查看附近事件', hour: 60 }
/** Distances are told in steps of this many metres (约 100 米, 约 200 米 …). */
export const NEARBY_BAND_METERS = 100

/**
 * Open cases of the category within ~300 m: the nine geohash cells around the point, then the distance. Never a
 * flagged case (its text waits for a dispatcher) nor one of a sensitive class (nothing is read for those). Where a
 * stranger's report is must not leak: the distance is measured to its public, ~100 m snapped position and told in
 * 100 m steps, so no number of lookups from chosen points learns more than that snapped cell; lookups are limited.
 */
export async function nearbyCases(deps: CasesDeps, caller: Caller, q: { lat: number; lng: number; categoryId: string }) {
  await enforce(deps, caller.user.id, NEARBY_LIMIT)
  if (!(await isPublicCategory(deps, caller.user.districtId, q.categoryId))) return { items: [] }
  const now = deps.clock()
  const pages = await Promise.all(cellsAround(q.lat, q.lng).map((cell) => deps.repos.cases.near(caller.user.districtId, cell, q.categoryId, 50)))
  const items = pages
    .flatMap((p) => p.items)
    // Only cases with a point are in a cell.
    .filter((s) => openStatuses.includes(s.status) && !s.flagged && s.lat !== undefined && s.lng !== undefined)
    .map((s) => ({
      ...summaryView(publicSummaryOf(s), now),
      followerCount: s.followerCount,
      distanceMeters: banded(distanceMeters(q, { lat: coarse(s.lat)!, lng: coarse(s.lng)! })),
    }))
    .filter((s) => s.distanceMeters <= NEARBY_METERS)
    .sort((a, b) => a.distanceMeters - b.distanceMeters)
  return { items }
}
