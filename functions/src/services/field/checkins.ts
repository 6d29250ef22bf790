/**
 * Check-ins and patrols (DESIGN.md §3 "Field work"). A gridworker checks in inside a grid they are bound to (the
 * geofence of shared/domain/field, with its tolerance for GPS error); the server's time is the record's time, and
 * a check-in the phone queued offline is sent later with its capture time and marked late. A patrol's points, in
 * the order they were taken, draw its route.
 */
import {
  DomainError,
  endOfChinaDay,
  MAX_CHECKIN_DELAY_HOURS,
  nextDueOf,
  MAX_PATROL_POINTS,
  type CheckinView,
  type PatrolView,
  type RouteBody,
  type RouteQuery,
  type createCheckin,
  type listCheckins as listRoute,
} from '@linli/shared'
import { geofence, type Boundary } from '@linli/shared/domain/field/geofence'
import type { Caller } from '../identity/ports'
import type { RevokedRole } from '../../family'
import type { Catalogue, NodeRecord } from '../district/ports'
import { authorize, may } from '../authorize'
import { onGrid } from './grid-staff'
import { decodeCursor, encodeCursor } from '../cursor'
import { keepPhotos } from '../uploads/uploads'
import type { CheckinRecord, CheckinRef, FieldDeps, PatrolRecord } from './ports'
import { claimKey, firstAnswer, stillConflicting } from '../idempotency/claim'

type Input = RouteBody<typeof createCheckin>
/** Sent this long after it was taken, a check-in is marked late (queued offline). */
const LATE_AFTER_MS = 5 * 60_000
/** A phone's clock may run this far ahead of the server's. */
const CLOCK_SKEW_MS = 2 * 60_000

/** The grids a caller may check in and patrol in: the nodes of their gridworker and grid-leader bindings. */
const ownNodes = (c: Catalogue, caller: Caller): NodeRecord[] => c.nodes.filter((n) => may(caller, 'checkins.create', n.id))

/** The grid a fix belongs to among the caller's: the nearest of them, refused outside the tolerance. */
function fenceIn(nodes: readonly NodeRecord[], fix: Input['location']): { node: NodeRecord; metersOutside: number } {
  const fenced = nodes.filter((n) => n.boundary).map((node) => ({ node, fence: geofence(node.boundary as Boundary, fix) }))
  if (!fenced.length) throw new DomainError('checkin.noGrid', [{ path: 'location', message: '你负责的网格尚未划定边界，暂不能打卡' }])
  const best = fenced.reduce((a, b) => (b.fence.metersOutside < a.fence.metersOutside ? b : a))
  if (!best.fence.ok && best.fence.reason === 'accuracy') {
    throw new DomainError('checkin.badAccuracy', [
      { path: 'location.accuracy', message: `定位精度约 ${Math.round(fix.accuracy)} 米，超过 200 米，请到开阔处重新定位` },
    ])
  }
  if (!best.fence.ok) {
    const message = `位置在${best.node.name}外约 ${best.fence.metersOutside} 米，不能打卡`
    throw new DomainError('checkin.outsideGrid', [{ path: 'location', message }], message)
  }
  return { node: best.node, metersOutside: best.fence.metersOutside }
}

/** When the phone took it: not ahead of the server (beyond clock skew), nor older than the offline queue may hold. */
function captureTime(now: Date, capturedAt: string | undefined): string {
  if (!capturedAt) return now.toISOString()
  const t = Date.parse(capturedAt)
  if (t > now.getTime() + CLOCK_SKEW_MS) throw new DomainError('checkin.badTime', [{ path: 'capturedAt', message: '拍摄时间不能晚于当前时间' }])
  if (t < now.getTime() - MAX_CHECKIN_DELAY_HOURS * 3600_000)
    throw new DomainError('checkin.badTime', [{ path: 'capturedAt', message: `离线打卡须在 ${MAX_CHECKIN_DELAY_HOURS} 小时内补传` }])
  return new Date(t).toISOString()
}

export async function checkIn(deps: FieldDeps, caller: Caller, input: Input, idempotencyKey?: string): Promise<CheckinView> {
  const districtId = caller.user.districtId
  const claim = claimKey(deps.clock(), caller, 'checkins.create', idempotencyKey, input)
  // A check-in the phone sends again from its offline queue finds itself first: its patrol may have ended since.
  const seen = claim && (await deps.repos.idempotency.answer(claim))
  if (seen) return replay(firstAnswer<CheckinRef>(claim!, seen))
  const catalogue = await deps.catalogue(districtId)
  const patrol = input.patrolId ? await ownPatrol(deps, caller, input.patrolId) : undefined
  if (patrol?.endedAt) throw new DomainError('patrol.closed', [{ path: 'patrolId', message: '该巡查已结束，请开始新的巡查' }])
  // Taken off the patrol's grid since it began (another grid of theirs kept): the patrol ends here, nothing is written
  // into the grid's records.
  if (patrol && !onGrid(catalogue, caller, 'patrols.manage', patrol.gridId)) {
    await deps.repos.field.endPatrol(districtId, patrol.patrolId, caller.user.id, deps.clock().toISOString())
    throw new DomainError('patrol.closed', [{ path: 'patrolId', message: `你已不再负责${patrol.gridName}，该巡查已结束` }])
  }
  const household = input.householdId ? await deps.repos.households.get(districtId, input.householdId) : undefined
  if (input.householdId && (!household || !onGrid(catalogue, caller, 'households.manage', household.gridId)))
    throw new DomainError('household.notFound', [{ path: 'householdId', message: '住户不存在' }])
  const gridId = patrol?.gridId ?? household?.gridId
  const nodes = gridId ? catalogue.nodes.filter((n) => n.id === gridId) : ownNodes(catalogue, caller)
  const { node, metersOutside } = fenceIn(nodes, input.location)
  const now = deps.clock()
  const capturedAt = captureTime(now, input.capturedAt)
  const photoKeys = await keepPhotos(deps, caller, input.photoKeys, 'photoKeys')
  const record: CheckinRecord = {
    districtId,
    checkinId: deps.newId(),
    kind: input.kind,
    gridId: node.id,
    gridName: node.name,
    userId: caller.user.id,
    userName: caller.user.name,
    ...input.location,
    metersOutside,
    note: input.note,
    photoKeys,
    ...(input.patrolId ? { patrolId: input.patrolId } : {}),
    ...(input.householdId ? { householdId: input.householdId } : {}),
    capturedAt,
    at: now.toISOString(),
    late: now.getTime() - Date.parse(capturedAt) > LATE_AFTER_MS,
  }
  // A visit is the household's latest unless a later one (sent earlier from another phone) is already recorded.
  const visit = household && {
    expected: household.version,
    household: { ...household, lastVisitAt: [household.lastVisitAt ?? '', capturedAt].sort().at(-1)!, updatedAt: record.at, version: household.version + 1 },
    // A visit to a household due by the end of that day (China) counts as a due visit done.
    wasDue: (nextDueOf(household) ?? '~') <= endOfChinaDay(capturedAt),
  }
  const written = await deps.repos.field.createCheckin(record, claim, MAX_PATROL_POINTS, visit)
  if (written.kind === 'replay') return replay(firstAnswer<CheckinRef>(claim!, written))
  if (written.kind === 'conflict') throw stillConflicting()
  if (written.kind === 'failed' && written.failed.includes('household'))
    throw new DomainError('household.conflict', [{ path: 'householdId', message: '该户台账刚被他人修改，请重试' }])
  if (written.kind === 'failed' && written.failed.includes('patrol'))
    throw new DomainError('patrol.closed', [{ path: 'patrolId', message: `该巡查已结束或已满 ${MAX_PATROL_POINTS} 个打卡点，请开始新的巡查` }])
  if (written.kind === 'failed') throw stillConflicting()
  return checkinView(deps, record)

  async function replay(first: CheckinRef) {
    const checkin = await deps.repos.field.checkin(districtId, first)
    if (!checkin) throw stillConflicting()
    return checkinView(deps, checkin)
  }
}

export async function checkinView(deps: FieldDeps, c: CheckinRecord): Promise<CheckinView> {
  const { districtId: _d, checkinId: id, photoKeys, ...rest } = c
  return { id, ...rest, photos: await Promise.all(photoKeys.map(async (key) => ({ key, url: await deps.storage.viewUrl(key) }))) }
}

/**
 * A page of check-ins: a grid leader's of a grid they lead (one author's if asked), anyone's own otherwise.
 */
export async function checkinsPage(deps: FieldDeps, caller: Caller, q: RouteQuery<typeof listRoute>) {
  const districtId = caller.user.districtId
  const range = { from: q.from && new Date(q.from).toISOString(), to: q.to && new Date(q.to).toISOString(), limit: q.limit }
  if (q.gridId) {
    if (!onGrid(await deps.catalogue(districtId), caller, 'checkins.list.grid', q.gridId))
      throw new DomainError('auth.forbidden', [{ path: 'gridId', message: '只有本网格的网格长可以查看网格的打卡记录' }])
  } else if (q.userId && q.userId !== caller.user.id)
    throw new DomainError('auth.forbidden', [{ path: 'userId', message: '查看他人的打卡记录须指定你负责的网格' }])
  const list = q.gridId ? `checkins:grid:${q.gridId}:${q.userId ?? ''}` : `checkins:user:${caller.user.id}`
  const startKey = decodeCursor(deps.cursorSecret, list, q.cursor)
  const page = q.gridId
    ? await deps.repos.field.checkinsOfGrid(districtId, q.gridId, { ...range, userId: q.userId, startKey })
    : await deps.repos.field.checkinsOfUser(districtId, caller.user.id, { ...range, startKey })
  return { items: await Promise.all(page.items.map((c) => checkinView(deps, c))), nextCursor: encodeCursor(deps.cursorSecret, list, page.lastKey) }
}

/** The caller's own patrol; another's is not theirs to know of. */
async function ownPatrol(deps: FieldDeps, caller: Caller, patrolId: string): Promise<PatrolRecord> {
  const patrol = await deps.repos.field.patrol(caller.user.districtId, patrolId)
  if (!patrol || patrol.userId !== caller.user.id) throw new DomainError('patrol.notFound', [{ path: 'patrolId', message: '巡查不存在' }])
  return patrol
}

/** Starts a patrol in a grid of the caller's (the only one, or the one named); a repeat of the same start answers it. */
export async function startPatrol(deps: FieldDeps, caller: Caller, patrolId: string, input: { gridId?: string; capturedAt?: string }): Promise<PatrolView> {
  const districtId = caller.user.districtId
  const catalogue = await deps.catalogue(districtId)
  if (input.gridId) authorize(caller, 'patrols.manage', input.gridId, 'gridId', '只能在你负责的网格巡查')
  const nodes = ownNodes(catalogue, caller).filter((n) => !input.gridId || n.id === input.gridId)
  if (nodes.length !== 1) throw new DomainError('request.invalid', [{ path: 'gridId', message: '你负责多个网格，请选择巡查的网格' }])
  const node = nodes[0]!
  const patrol: PatrolRecord = {
    districtId,
    patrolId,
    gridId: node.id,
    gridName: node.name,
    userId: caller.user.id,
    userName: caller.user.name,
    startedAt: captureTime(deps.clock(), input.capturedAt),
    points: 0,
  }
  if (!(await deps.repos.field.startPatrol(patrol))) {
    const existing = await deps.repos.field.patrol(districtId, patrolId)
    if (existing?.userId !== caller.user.id) throw new DomainError('patrol.idTaken', [{ path: 'id', message: '巡查编号已被使用，请重新开始巡查' }])
    return patrolView(catalogue, existing)
  }
  return patrolView(catalogue, patrol)
}

export async function endPatrol(deps: FieldDeps, caller: Caller, patrolId: string, input: { capturedAt?: string }): Promise<PatrolView> {
  const patrol = await ownPatrol(deps, caller, patrolId)
  const endedAt = captureTime(deps.clock(), input.capturedAt)
  // Ended already (a repeat, or another request just now): its first end stands.
  const ended = !patrol.endedAt && (await deps.repos.field.endPatrol(patrol.districtId, patrolId, caller.user.id, endedAt))
  return patrolView(await deps.catalogue(caller.user.districtId), ended ? { ...patrol, endedAt } : await ownPatrol(deps, caller, patrolId))
}

/**
 * A gridworker or grid leader whose role was taken back: their open patrols on grids they may no longer patrol end
 * now (issue "Trust, second round"), a page per outbox step; those on grids they keep go on.
 */
export async function patrolsLeft(deps: FieldDeps, r: RevokedRole, page: { cursor?: string; limit: number }): Promise<{ cursor?: string }> {
  if (r.role !== 'gridworker' && r.role !== 'grid_leader') return {}
  const startKey = page.cursor ? (JSON.parse(page.cursor) as Record<string, unknown>) : undefined
  const [holder, catalogue, open] = await Promise.all([
    deps.repos.users.getWithRoles(r.userId),
    deps.catalogue(r.districtId),
    deps.repos.field.openPatrols(r.districtId, r.userId, { limit: page.limit, startKey }),
  ])
  const lost = open.items.filter((p) => !holder || !onGrid(catalogue, holder, 'patrols.manage', p.gridId))
  const at = deps.clock().toISOString()
  await Promise.all(lost.map((p) => deps.repos.field.endPatrol(r.districtId, p.patrolId, r.userId, at)))
  return { cursor: open.lastKey && JSON.stringify(open.lastKey) }
}

/** A patrol and its route: its author's, or the grid leader's of its grid. */
export async function getPatrol(deps: FieldDeps, caller: Caller, patrolId: string): Promise<PatrolView> {
  const catalogue = await deps.catalogue(caller.user.districtId)
  const patrol = await deps.repos.field.patrol(caller.user.districtId, patrolId)
  if (!patrol || (patrol.userId !== caller.user.id && !onGrid(catalogue, caller, 'checkins.list.grid', patrol.gridId)))
    throw new DomainError('patrol.notFound', [{ path: 'id', message: '巡查不存在' }])
  const points = patrol.points ? await deps.repos.field.pointsOf(patrol.districtId, patrolId) : []
  return { ...patrolView(catalogue, patrol), points: await Promise.all(points.map((c) => checkinView(deps, c))) }
}

/** A patrol without its points (they are read by GET only), with its grid's boundary to draw them on. */
function patrolView(catalogue: Catalogue, p: PatrolRecord): PatrolView {
  const { districtId: _d, patrolId: id, points, ...rest } = p
  return { id, ...rest, pointCount: points, boundary: catalogue.nodes.find((n) => n.id === p.gridId)?.boundary }
}

/** 走访覆盖 of a grid for its leader: each gridworker's visits in the month, and the households overdue now. */
export async function visitCoverage(deps: FieldDeps, caller: Caller, q: { gridId: string; month: string }) {
  const districtId = caller.user.districtId
  if (!onGrid(await deps.catalogue(districtId), caller, 'reports.visits', q.gridId))
    throw new DomainError('auth.forbidden', [{ path: 'gridId', message: '只有本网格的网格长可以查看走访覆盖' }])
  const [people, overdueNow] = await Promise.all([
    deps.repos.field.visitTallies(districtId, q.gridId, q.month),
    deps.repos.households.countDue(districtId, q.gridId, deps.clock().toISOString()),
  ])
  return { gridId: q.gridId, month: q.month, overdueNow, people: people.sort((a, b) => b.visits - a.visits) }
}
