/**
 * Residents' links to their households (DESIGN.md §3 "Field work": the gridworker approves). A resident asks with the
 * grid and the door; the door is sealed like the roster's and names the household by the same keyed hash, so the
 * grid's staff approve it only when that door is on the roster. A new request replaces the previous one.
 */
import { DomainError, type HouseholdLinkView, type RouteBody, type RouteQuery, type createHouseholdLink, type listHouseholdLinks } from '@linli/shared'
import type { Caller } from '../identity/ports'
import type { FieldDeps, HouseholdLinkRecord } from './ports'
import { decodeCursor, encodeCursor } from '../cursor'
import { onGrid } from './grid-staff'
import { addressOf, doorId, gridNode } from './households'
import { audited } from '../privacy/audit'

async function view(deps: FieldDeps, l: HouseholdLinkRecord): Promise<HouseholdLinkView> {
  const { door } = await deps.pii.open(l.districtId, `link:${l.userId}`, l.sealed)
  return {
    id: l.userId,
    gridId: l.gridId,
    gridName: l.gridName,
    userName: l.userName,
    address: addressOf(JSON.parse(door ?? '{"building":"","unit":"","room":""}')),
    status: l.status,
    requestedAt: l.requestedAt,
    decidedAt: l.decidedAt,
  }
}

const conflict = () => new DomainError('household.conflict', [{ path: 'id', message: '绑定申请已变化，请刷新后重试' }])

export async function requestLink(deps: FieldDeps, caller: Caller, input: RouteBody<typeof createHouseholdLink>): Promise<HouseholdLinkView> {
  const districtId = caller.user.districtId
  const grid = gridNode(await deps.catalogue(districtId), input.gridId)
  const { gridId: _g, ...door } = input
  const previous = await deps.repos.householdLinks.get(districtId, caller.user.id)
  const l: HouseholdLinkRecord = {
    districtId,
    userId: caller.user.id,
    userName: caller.user.name,
    gridId: grid.id,
    gridName: grid.name,
    householdId: doorId(deps, districtId, grid.id, door),
    sealed: await deps.pii.seal(districtId, `link:${caller.user.id}`, { door: JSON.stringify(door) }),
    status: 'pending',
    requestedAt: deps.clock().toISOString(),
  }
  if (!(await deps.repos.householdLinks.request(l, previous))) throw conflict()
  return view(deps, l)
}

/** The caller's own link, or (the grid's staff) one page of a grid's pending requests or linked residents, each read audited. */
export async function linkPage(deps: FieldDeps, caller: Caller, q: RouteQuery<typeof listHouseholdLinks>) {
  const districtId = caller.user.districtId
  if (!q.gridId) {
    const own = await deps.repos.householdLinks.get(districtId, caller.user.id)
    return { items: own ? [await view(deps, own)] : [] }
  }
  const catalogue = await deps.catalogue(districtId)
  gridNode(catalogue, q.gridId)
  if (!onGrid(catalogue, caller, 'households.manage', q.gridId))
    throw new DomainError('auth.forbidden', [{ path: 'gridId', message: '只有本网格的网格员、网格长可以审核住户绑定' }])
  const list = `links:${q.gridId}:${q.status}`
  const page = await deps.repos.householdLinks.list(districtId, q.gridId, q.status, q.limit, decodeCursor(deps.cursorSecret, list, q.cursor))
  if (page.items.length) {
    await audited(deps, caller, {
      subject: 'householdLink',
      ids: page.items.map((l) => l.userId),
      fields: ['address'],
      route: 'GET /v1/household-links',
    })
  }
  return { items: await Promise.all(page.items.map((l) => view(deps, l))), nextCursor: encodeCursor(deps.cursorSecret, list, page.lastKey) }
}

export async function decideLink(deps: FieldDeps, caller: Caller, id: string, approve: boolean) {
  const districtId = caller.user.districtId
  const l = await deps.repos.householdLinks.get(districtId, id)
  if (!l || l.status !== 'pending' || !onGrid(await deps.catalogue(districtId), caller, 'households.manage', l.gridId))
    throw new DomainError('householdLink.notFound', [{ path: 'id', message: '绑定申请不存在或已处理' }])
  if (!approve) {
    if (!(await deps.repos.householdLinks.decline(l))) throw conflict()
    return { id, status: 'declined' as const }
  }
  if (!(await deps.repos.households.get(districtId, l.householdId)))
    throw new DomainError('householdLink.notOnRoster', [{ path: 'id', message: '台账中没有这一户，请先登记住户再通过' }])
  if (!(await deps.repos.householdLinks.approve(l, deps.clock().toISOString()))) throw conflict()
  return { id, status: 'linked' as const }
}
