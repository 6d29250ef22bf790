/** Submitting a case: validate against the district, locate the grid, route by category, number it, store it once. */
import { caseLifecycle, DomainError, isDomainError, NEW, nextClock, slaDeadlines, type CaseDetail, type RouteBody, type submitCase } from '@linli/shared'
import { locateDeepest } from '../../adapters/geo'
import { geohash } from '../../adapters/geohash'
import type { Caller } from '../identity/ports'
import type { Catalogue } from '../district/ports'
import { authorize } from '../authorize'
import type { CaseRecord, CasesDeps, TimelineRecord } from './ports'
import { keepPhotos } from '../uploads/uploads'
import { dueOf, followCase } from './events'
import { caseEvent } from './outbox'
import { checkTexts } from '../moderation/content'
import { askMediaChecks } from '../moderation/media'
import { detailView, getCaseDetail } from './read'
import { claimKey, firstAnswer, stillConflicting } from '../idempotency/claim'
import { enforce, type Limit } from '../identity/limits'

type Input = RouteBody<typeof submitCase>
/** An emergency is dispatched to at most this many of its department's officials (one page of them). */
const AUTO_DISPATCH_OFFICIALS = 100

/**
 * Reports one resident may file: plenty for what one meets in a day, too few to flood a dispatcher's queue. An item
 * dispatched at once (燃气泄漏 …) calls its officials on the spot and spends their message grants, so far fewer.
 * Staff report as their work (a gridworker's patrol) and are not limited; a partner has its own limit.
 */
export const SUBMIT_LIMITS: Record<'report' | 'urgent', Limit> = {
  report: { name: 'cases.submit', label: '上报问题', hour: 10, day: 30 },
  urgent: { name: 'cases.submit.urgent', label: '上报紧急问题', hour: 3, day: 6 },
}

/**
 * A second report of an emergency in the same grid within this time joins the first: its reporter follows it and the
 * officials, called once already, are not called again (configuration may change it: URGENT_JOIN_MINUTES).
 */
export const URGENT_JOIN_MINUTES = 60

export async function submit(
  deps: CasesDeps,
  caller: Caller,
  input: Input,
  { idempotencyKey, limited = true }: { idempotencyKey?: string; limited?: boolean } = {},
): Promise<CaseDetail> {
  const districtId = caller.user.districtId
  const claim = claimKey(deps.clock(), caller, 'cases.submit', idempotencyKey, input)
  const catalogue = await deps.catalogue(districtId)
  const category = catalogue.categories.find((c) => c.id === input.categoryId)
  if (!category) throw new DomainError('category.notFound', [{ path: 'categoryId', message: '问题分类不存在' }])
  const { lat, lng, gridId } = input.location
  const grid = lat !== undefined && lng !== undefined ? gridAt(catalogue, lat, lng) : gridNamed(catalogue, gridId!)
  if (input.onTheSpot) authorize(caller, 'cases.resolveOnTheSpot', grid.id, 'onTheSpot', '只有本网格的网格员可以现场办结')
  const urgent = category.autoDispatch && !input.onTheSpot
  const now = deps.clock()
  const at = now.toISOString()
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '') // China time
  // Independent of each other, so all at once (one round trip): the photos kept, the resident's limit counted, an
  // emergency's mark, the content check, the day's number (a refused request leaves a gap) and, for an emergency
  // item, the department's officials.
  const [photoKeys, spotPhotoKeys, , mark, flagged, seq, staff] = await Promise.all([
    keepPhotos(deps, caller, input.photoKeys, 'photoKeys'),
    keepPhotos(deps, caller, input.onTheSpot?.photoKeys ?? [], 'onTheSpot.photoKeys'),
    limited && !caller.roles.length ? enforce(deps, caller.user.id, SUBMIT_LIMITS[urgent ? 'urgent' : 'report']) : undefined,
    urgent ? deps.repos.cases.urgentMark(districtId, grid.id, category.id) : undefined,
    checkTexts(deps, caller, [
      { path: 'description', text: input.description, label: '描述' },
      { path: 'location.address', text: input.location.address, label: '地址' },
      { path: 'onTheSpot.result', text: input.onTheSpot?.result, label: '处置结果' },
    ]),
    deps.repos.cases.nextSequence(districtId, day),
    urgent ? deps.repos.users.holders(districtId, category.departmentId, 'official', { limit: AUTO_DISPATCH_OFFICIALS }).then((p) => p.items) : [],
  ])
  const joinMinutes = deps.urgentJoinMinutes ?? URGENT_JOIN_MINUTES
  if (mark && now.getTime() - Date.parse(mark.at) < joinMinutes * 60_000) {
    const joined = await joinEmergency(deps, caller, mark.caseId)
    if (joined) return joined
  }
  // The contact phone is personal information: sealed at rest, opened for the reporter and the case's handlers.
  const caseId = deps.newId()
  const sealed = input.contactPhone ? await deps.pii.seal(districtId, caseId, { contactPhone: input.contactPhone }) : undefined
  const submitted: CaseRecord = {
    caseId,
    districtId,
    number: `${catalogue.district.casePrefix}${day}${String(seq).padStart(4, '0')}`,
    status: caseLifecycle.row(NEW, 'submit', new Set(['reporter']))!.to,
    version: 1,
    categoryId: category.id,
    categoryName: category.name,
    priority: category.priority,
    slaBand: category.slaBand,
    departmentId: category.departmentId,
    assigneeIds: [],
    assigneeNames: [],
    gridId: grid.id,
    gridName: grid.name,
    levelNodeId: grid.streetId,
    reporterId: caller.user.id,
    reporterName: caller.user.name,
    anonymous: input.anonymous,
    ...(sealed ? { sealed } : {}),
    description: input.description,
    lat,
    lng,
    cell: lat !== undefined && lng !== undefined ? geohash(lat, lng) : undefined,
    address: input.location.address,
    photoKeys,
    ...slaDeadlines(category.slaBand, now, deps.workdays),
    sla: nextClock(category.slaBand, undefined, caseLifecycle.row(NEW, 'submit', new Set(['reporter']))!.clock, now, undefined, deps.workdays),
    flagged,
    reopenCount: 0,
    followerCount: 0,
    createdAt: at,
    updatedAt: at,
  }
  const item = (
    n: number,
    type: string,
    from: CaseRecord['status'] | undefined,
    to: CaseRecord['status'],
    extra: Partial<TimelineRecord> = {},
  ): TimelineRecord => ({
    eventId: `${at}#${n}`,
    at,
    type,
    from,
    to,
    actorId: caller.user.id,
    actorName: caller.user.name,
    photoKeys: [],
    ...extra,
  })
  const timeline = [item(0, 'submit', undefined, submitted.status, { photoKeys, deadline: submitted.sla!.deadline })]
  let record = submitted
  let event
  // The side doors of the lifecycle table: resolved on the spot, or an emergency dispatched at once.
  if (input.onTheSpot) {
    const row = caseLifecycle.row(submitted.status, 'resolve', new Set(['gridworker']), 'onTheSpot')!
    record = { ...record, status: row.to, resolvedBy: caller.user.id, sla: nextClock(category.slaBand, record.sla, row.clock, now, undefined, deps.workdays) }
    timeline.push(item(1, 'resolve', submitted.status, row.to, { note: `现场办结：${input.onTheSpot.result}`, photoKeys: spotPhotoKeys }))
  } else if (staff.length) {
    const row = caseLifecycle.row(submitted.status, 'dispatch', new Set(['system']), 'autoDispatch')!
    const department = catalogue.departments.find((d) => d.id === category.departmentId)?.name ?? ''
    const note = `自动派单至${department}：${staff.map((s) => s.name).join('、')}`
    const sla = nextClock(category.slaBand, record.sla, row.clock, now, undefined, deps.workdays)!
    record = { ...record, status: row.to, assigneeIds: staff.map((s) => s.userId), assigneeNames: staff.map((s) => s.name), sla, resolveBy: sla.deadline }
    timeline.push(item(1, 'dispatch', submitted.status, row.to, { actorId: 'system', actorName: '系统', note, deadline: sla.deadline }))
    event = caseEvent(deps, undefined, record, 'dispatch', row.notify ?? [], note, { clock: submitted.sla })
  }
  // Every new case has its event: the day's counts (三率) hear of it from the stream.
  event ??= caseEvent(deps, undefined, record, input.onTheSpot ? 'resolve' : 'submit', [], undefined, { clock: submitted.sla })
  record = { ...record, dueAt: dueOf(record) }

  // The key is not looked up first: its record is written with the case, so a repeat (a retry, or a twin request
  // racing this one) loses that write and answers what the first one created. A repeat costs a case number.
  const urgentMark = staff.length && joinMinutes ? { ttl: Math.floor(now.getTime() / 1000) + joinMinutes * 60 + 3600 } : undefined
  const written = await deps.repos.cases.create(record, timeline, event, claim, urgentMark)
  if (written.kind === 'replay') return getCaseDetail(deps, caller, firstAnswer<{ caseId: string }>(claim!, written).caseId)
  if (written.kind !== 'written') throw stillConflicting()
  await askMediaChecks(deps, caller, record.districtId, { kind: 'case', id: record.caseId }, [...photoKeys, ...spotPhotoKeys])
  return detailView(deps, caller, record, timeline, false)
}

/**
 * The emergency a second report joins: its reporter follows it (or, their own or followed already, sees it). A case
 * closed meanwhile, or one they may not follow, is no longer to be joined: undefined, and the report is a new case.
 */
async function joinEmergency(deps: CasesDeps, caller: Caller, caseId: string): Promise<CaseDetail | undefined> {
  try {
    return await followCase(deps, caller, caseId)
  } catch (e) {
    if (isDomainError(e) && e.code === 'case.alreadyFollowing') return getCaseDetail(deps, caller, caseId)
    if (isDomainError(e) && e.code === 'case.notFound') return undefined
    throw e
  }
}

/** The grid containing the point and the street above it; outside every grid of the district → 400 naming the location. */
function gridAt(catalogue: Catalogue, lat: number, lng: number) {
  const byId = new Map(catalogue.nodes.map((n) => [n.id, n]))
  let node = locateDeepest(catalogue.nodes, lat, lng)
  while (node && node.level === 'building') node = node.parentId ? byId.get(node.parentId) : undefined
  if (!node || node.level !== 'grid')
    throw new DomainError('location.outsideDistrict', [{ path: 'location', message: `该位置不在${catalogue.district.name}的网格范围内` }])
  return withStreet(byId, node)
}

/** The grid a reporter without a location picked, and the street above it; not a grid of the district → 400. */
function gridNamed(catalogue: Catalogue, gridId: string) {
  const byId = new Map(catalogue.nodes.map((n) => [n.id, n]))
  const node = byId.get(gridId)
  if (!node || node.level !== 'grid')
    throw new DomainError('location.gridNotFound', [{ path: 'location.gridId', message: `请选择${catalogue.district.name}的网格` }])
  return withStreet(byId, node)
}

function withStreet(byId: Map<string, Catalogue['nodes'][number]>, node: Catalogue['nodes'][number]) {
  let street = node
  while (street.level !== 'street' && street.parentId) street = byId.get(street.parentId)!
  return { id: node.id, name: node.name, streetId: street.id }
}
