/**
 * The household roster (DESIGN.md §3 "Field work", "Privacy"). Address, phone, care tags and notes are sealed per
 * field (deps.pii); the grid's staff read them unmasked and each such read is written to the audit log before the
 * answer leaves; a district admin oversees the roster masked; anyone else does not know it exists.
 */
import {
  careTags,
  DomainError,
  endOfChinaDay,
  nextDueOf,
  visitCadenceDays,
  type CareTag,
  type HouseholdView,
  type RouteBody,
  type RouteQuery,
  type createHousehold,
  type listHouseholds,
  type updateHousehold,
} from '@linli/shared'
import { maskName, maskPhone } from '../../adapters/pii'
import { opaqueId } from '../../adapters/ids'
import type { Caller } from '../identity/ports'
import type { Catalogue } from '../district/ports'
import { may } from '../authorize'
import { decodeCursor, encodeCursor } from '../cursor'
import type { FieldDeps, HouseholdRecord } from './ports'
import { onGrid } from './grid-staff'
import { audited } from '../privacy/audit'

export type Fields = Omit<RouteBody<typeof createHousehold>, 'gridId'>
/** The sealed fields, as the audit log names them. */
const PERSONAL = ['address', 'phone', 'careTags', 'notes'] as const

/** A care tag's key on the due lists: a keyed hash, so the index does not say which tag a household has. */
export const tagKey = (deps: Pick<FieldDeps, 'idSalt'>, districtId: string, tag: CareTag) => opaqueId(tag, `caretag:${districtId}`, deps.idSalt)

type Standing = 'staff' | 'overseer' | undefined
const standing = (catalogue: Catalogue, caller: Caller, gridId: string): Standing =>
  onGrid(catalogue, caller, 'households.manage', gridId) ? 'staff' : may(caller, 'audit.read') ? 'overseer' : undefined

const label = (part: string, unit: string) => (/^\d+$/.test(part) ? `${part}${unit}` : part)
export const addressOf = (a: { building: string; unit: string; room: string }) =>
  `${label(a.building, '栋')}${a.unit ? label(a.unit, '单元') : ''}${label(a.room, '室')}`

/** The household as the caller may see it: opened for the grid's staff, masked for an overseer. */
export async function views(deps: FieldDeps, caller: Caller, catalogue: Catalogue, records: HouseholdRecord[], route: string): Promise<HouseholdView[]> {
  if (!records.length) return []
  const open = standing(catalogue, caller, records[0]!.gridId) === 'staff'
  if (open) {
    await audited(deps, caller, {
      subject: 'household',
      ids: records.map((h) => h.householdId),
      fields: [...PERSONAL],
      route,
    })
  }
  return Promise.all(
    records.map(async (h) => {
      const plain = {
        id: h.householdId,
        gridId: h.gridId,
        gridName: h.gridName,
        members: h.members,
        lastVisitAt: h.lastVisitAt,
        nextDueAt: nextDueOf(h),
        version: h.version,
      }
      const f = await deps.pii.open(h.districtId, h.householdId, h.sealed)
      const parts = JSON.parse(f.address ?? '{"building":"","unit":"","room":""}') as { building: string; unit: string; room: string }
      if (!open)
        return {
          ...plain,
          // Visit dates betray a care tag's cadence: a masked view carries none.
          lastVisitAt: undefined,
          nextDueAt: undefined,
          address: `${label(parts.building, '栋')}****`,
          headName: maskName(h.headName),
          phone: maskPhone(f.phone),
          careTags: [],
          notes: '',
          masked: true,
        }
      return {
        ...plain,
        ...parts,
        address: addressOf(parts),
        headName: h.headName,
        phone: f.phone,
        careTags: (f.careTags ? f.careTags.split(',') : []) as CareTag[],
        notes: f.notes ?? '',
        masked: false,
      }
    }),
  )
}

export const gridNode = (catalogue: Catalogue, gridId: string) => {
  const node = catalogue.nodes.find((n) => n.id === gridId && n.level === 'grid')
  if (!node) throw new DomainError('grid.notFound', [{ path: 'gridId', message: '网格不存在' }])
  return node
}

/** A household the caller stands to (staff or overseer); another's answers 404. */
async function known(deps: FieldDeps, caller: Caller, catalogue: Catalogue, id: string, need: Exclude<Standing, undefined>[]): Promise<HouseholdRecord> {
  const h = await deps.repos.households.get(caller.user.districtId, id)
  const s = h && standing(catalogue, caller, h.gridId)
  if (!h || !s || !need.includes(s)) throw new DomainError('household.notFound', [{ path: 'id', message: '住户不存在' }])
  return h
}

type Door = { building: string; unit: string; room: string }
const doorOf = (a: Door) => [a.building, a.unit, a.room].map((p) => (p ?? '').trim().toLowerCase())

/** A household's id: a keyed hash of its door in its grid, so one door is registered once (by hand or by import). */
export const doorId = (deps: Pick<FieldDeps, 'idSalt'>, districtId: string, gridId: string, a: Door) =>
  'hh' + opaqueId([gridId, ...doorOf(a)].join('|'), `household:${districtId}`, deps.idSalt)

/** The record of fields as typed: sealed, with the cadences of its tags. */
export async function sealHousehold(
  deps: Pick<FieldDeps, 'pii' | 'idSalt'>,
  base: Pick<HouseholdRecord, 'districtId' | 'householdId' | 'gridId' | 'gridName' | 'createdAt' | 'lastVisitAt'>,
  f: Fields,
  version: number,
  now: string,
): Promise<HouseholdRecord> {
  const sealed = await deps.pii.seal(base.districtId, base.householdId, {
    address: JSON.stringify({ building: f.building, unit: f.unit, room: f.room }),
    phone: f.phone,
    careTags: f.careTags.length ? f.careTags.join(',') : undefined,
    notes: f.notes || undefined,
  })
  const cadences = Object.fromEntries(f.careTags.map((t) => [tagKey(deps, base.districtId, t), visitCadenceDays[t]]))
  return { ...base, headName: f.headName, members: f.members, sealed, cadences, updatedAt: now, version }
}

export async function createHouseholdRecord(deps: FieldDeps, caller: Caller, input: RouteBody<typeof createHousehold>): Promise<HouseholdView> {
  const catalogue = await deps.catalogue(caller.user.districtId)
  const grid = gridNode(catalogue, input.gridId)
  if (!onGrid(catalogue, caller, 'households.manage', grid.id))
    throw new DomainError('auth.forbidden', [{ path: 'gridId', message: '只有本网格的网格员、网格长可以登记住户' }])
  const now = deps.clock().toISOString()
  const { gridId: _g, ...fields } = input
  const householdId = doorId(deps, caller.user.districtId, grid.id, fields)
  const h = await sealHousehold(deps, { districtId: caller.user.districtId, householdId, gridId: grid.id, gridName: grid.name, createdAt: now }, fields, 1, now)
  if (!(await deps.repos.households.put(h, undefined, [])))
    throw new DomainError('household.exists', [{ path: 'room', message: `${addressOf(fields)}已登记在台账中` }])
  return (await views(deps, caller, catalogue, [h], 'POST /v1/households'))[0]!
}

export async function updateHouseholdRecord(deps: FieldDeps, caller: Caller, id: string, input: RouteBody<typeof updateHousehold>): Promise<HouseholdView> {
  const catalogue = await deps.catalogue(caller.user.districtId)
  const before = await known(deps, caller, catalogue, id, ['staff'])
  const conflict = new DomainError('household.conflict', [{ path: 'version', message: '该户台账已被他人修改，请刷新后重试' }])
  if (before.version !== input.version) throw conflict
  const { version, ...fields } = input
  const at = deps.clock().toISOString()
  // Another door is another household (its id is the door's): moved under the new id, never the old id kept.
  const door = (a: Door) => doorOf(a).join('|')
  const was = JSON.parse((await deps.pii.open(before.districtId, before.householdId, before.sealed)).address ?? '{}') as Door
  if (door(was) !== door(fields)) {
    const householdId = doorId(deps, before.districtId, before.gridId, fields)
    const after = await sealHousehold(deps, { ...before, householdId }, fields, version + 1, at)
    const moved = await deps.repos.households.move(before, after)
    if (moved === 'linked')
      throw new DomainError('household.linked', [{ path: 'room', message: '已有居民关联这一户，不能直接修改门牌：请移除后按新门牌登记，居民重新申请关联' }])
    if (moved === 'taken') throw new DomainError('household.exists', [{ path: 'room', message: `${addressOf(fields)}已登记在台账中` }])
    if (moved === 'changed') throw conflict
    return (await views(deps, caller, catalogue, [after], 'PUT /v1/households/{id}'))[0]!
  }
  const h = await sealHousehold(deps, before, fields, version + 1, at)
  const dropped = Object.keys(before.cadences).filter((k) => !(k in h.cadences))
  if (!(await deps.repos.households.put(h, version, dropped))) throw conflict
  return (await views(deps, caller, catalogue, [h], 'PUT /v1/households/{id}'))[0]!
}

export async function deleteHouseholdRecord(deps: FieldDeps, caller: Caller, id: string) {
  const catalogue = await deps.catalogue(caller.user.districtId)
  const h = await known(deps, caller, catalogue, id, ['staff'])
  if (!(await deps.repos.households.remove(h))) throw new DomainError('household.conflict', [{ path: 'id', message: '该户台账已被他人修改，请刷新后重试' }])
  return { id }
}

export async function householdDetail(deps: FieldDeps, caller: Caller, id: string): Promise<HouseholdView> {
  const catalogue = await deps.catalogue(caller.user.districtId)
  return (await views(deps, caller, catalogue, [await known(deps, caller, catalogue, id, ['staff', 'overseer'])], 'GET /v1/households/{id}'))[0]!
}

/** One page of a grid's roster, of one tag's households, or of those due to visit (due by the end of today). */
export async function householdPage(deps: FieldDeps, caller: Caller, q: RouteQuery<typeof listHouseholds>) {
  const districtId = caller.user.districtId
  const catalogue = await deps.catalogue(districtId)
  gridNode(catalogue, q.gridId)
  const as = standing(catalogue, caller, q.gridId)
  if (!as) throw new DomainError('auth.forbidden', [{ path: 'gridId', message: '只有本网格的网格员、网格长可以查看住户台账' }])
  // A masked reader never learns which household has which care tag (独居, 残疾, 低保 …) nor its visit cadence: the
  // list filtered by tag or by due date would tell it, masked or not.
  if (as === 'overseer' && (q.tag || q.due === '1'))
    throw new DomainError('auth.forbidden', [{ path: q.tag ? 'tag' : 'due', message: '按关爱标签或走访到期筛选只对本网格的网格员、网格长开放' }])
  const list = `households:${q.gridId}:${q.tag ?? ''}:${q.due}`
  const dueBy = q.due === '1' ? endOfChinaDay(deps.clock()) : undefined
  const page = await deps.repos.households.list(districtId, q.gridId, {
    tagKey: q.tag && tagKey(deps, districtId, q.tag),
    dueBy,
    limit: q.limit,
    startKey: decodeCursor(deps.cursorSecret, list, q.cursor),
  })
  // What a masked reader may know of the tags: how many, never which household.
  const counts =
    as === 'overseer' && !q.cursor
      ? await deps.repos.households.countTags(
          districtId,
          q.gridId,
          careTags.map((t) => tagKey(deps, districtId, t)),
        )
      : undefined
  return {
    items: await views(deps, caller, catalogue, page.items, 'GET /v1/households'),
    nextCursor: encodeCursor(deps.cursorSecret, list, page.lastKey),
    ...(counts ? { tagCounts: Object.fromEntries(careTags.map((t, i) => [t, counts[i]!])) as Record<CareTag, number> } : {}),
  }
}
