/**
 * The household roster (DESIGN.md §3 "Field work", "Privacy"). Address, phone, care tags and notes are sealed per
 * field (deps.pii); the grid's staff read them unmasked and each such read is written to the audit log before the
 * answer leaves; a district admin oversees the roster masked; anyone else does not know it exists.
 */
import { z } from 'zod'
import { DomainError, MAX_IMPORT_ROWS, careTagLabels, careTagOf, chinaDate, householdFields, rosterColumns, visitCadenceDays, type CareTag, type FieldError, type FileAnswer, type HouseholdView, type RouteBody, type RouteQuery, type createHousehold, type importHouseholds, type listHouseholds, type updateHousehold } from '@linli/shared'
import { readSheet, writeSheet } from '../../adapters/roster-file'
import { readOwnUpload } from '../uploads/uploads'
import { maskName, maskPhone } from '../../adapters/pii'
import { opaqueId } from '../../adapters/ids'
import type { Caller } from '../identity/ports'
import type { Catalogue } from '../district/ports'
import { may } from '../authorize'
import { decodeCursor, encodeCursor } from '../cursor'
import type { Deps } from '../deps'
import { onGrid } from './grid-staff'
import type { HouseholdRecord } from './ports'
import { endOfChinaDay, nextDueOf } from './due'

type Fields = Omit<RouteBody<typeof createHousehold>, 'gridId'>
/** The sealed fields, as the audit log names them. */
const PERSONAL = ['address', 'phone', 'careTags', 'notes'] as const

/** A care tag's key on the due lists: a keyed hash, so the index does not say which tag a household has. */
export const tagKey = (deps: Pick<Deps, 'idSalt'>, districtId: string, tag: CareTag) => opaqueId(tag, `caretag:${districtId}`, deps.idSalt)

type Standing = 'staff' | 'overseer' | undefined
const standing = (catalogue: Catalogue, caller: Caller, gridId: string): Standing =>
  onGrid(catalogue, caller, 'households.manage', gridId) ? 'staff' : may(caller, 'audit.read') ? 'overseer' : undefined

const label = (part: string, unit: string) => (/^\d+$/.test(part) ? `${part}${unit}` : part)
const addressOf = (a: { building: string; unit: string; room: string }) => `${label(a.building, '栋')}${a.unit ? label(a.unit, '单元') : ''}${label(a.room, '室')}`

/** The household as the caller may see it: opened for the grid's staff, masked for an overseer. */
async function views(deps: Deps, caller: Caller, catalogue: Catalogue, records: HouseholdRecord[], route: string): Promise<HouseholdView[]> {
  if (!records.length) return []
  const open = standing(catalogue, caller, records[0]!.gridId) === 'staff'
  if (open) {
    await deps.repos.audit.record({ districtId: caller.user.districtId, at: deps.clock().toISOString(), userId: caller.user.id, userName: caller.user.name, subject: 'household', ids: records.map((h) => h.householdId), fields: [...PERSONAL], route })
  }
  return Promise.all(
    records.map(async (h) => {
      const plain = { id: h.householdId, gridId: h.gridId, gridName: h.gridName, members: h.members, lastVisitAt: h.lastVisitAt, nextDueAt: nextDueOf(h), version: h.version }
      const f = await deps.pii.open(h.districtId, h.householdId, h.sealed)
      const parts = JSON.parse(f.address ?? '{"building":"","unit":"","room":""}') as { building: string; unit: string; room: string }
      if (!open) return { ...plain, address: `${label(parts.building, '栋')}****`, headName: maskName(h.headName), phone: maskPhone(f.phone), careTags: [], notes: '', masked: true }
      return { ...plain, ...parts, address: addressOf(parts), headName: h.headName, phone: f.phone, careTags: (f.careTags ? f.careTags.split(',') : []) as CareTag[], notes: f.notes ?? '', masked: false }
    }),
  )
}

const gridNode = (catalogue: Catalogue, gridId: string) => {
  const node = catalogue.nodes.find((n) => n.id === gridId && n.level === 'grid')
  if (!node) throw new DomainError('grid.notFound', [{ path: 'gridId', message: '网格不存在' }])
  return node
}

/** A household the caller stands to (staff or overseer); another's answers 404. */
async function known(deps: Deps, caller: Caller, catalogue: Catalogue, id: string, need: Exclude<Standing, undefined>[]): Promise<HouseholdRecord> {
  const h = await deps.repos.households.get(caller.user.districtId, id)
  const s = h && standing(catalogue, caller, h.gridId)
  if (!h || !s || !need.includes(s)) throw new DomainError('household.notFound', [{ path: 'id', message: '住户不存在' }])
  return h
}

/** A household's id: a keyed hash of its door in its grid, so one door is registered once (by hand or by import). */
const doorId = (deps: Pick<Deps, 'idSalt'>, districtId: string, gridId: string, a: { building: string; unit: string; room: string }) =>
  'hh' + opaqueId([gridId, a.building, a.unit, a.room].map((p) => p.trim().toLowerCase()).join('|'), `household:${districtId}`, deps.idSalt)

/** The record of fields as typed: sealed, with the cadences of its tags. */
export async function sealHousehold(deps: Pick<Deps, 'pii' | 'idSalt'>, base: Pick<HouseholdRecord, 'districtId' | 'householdId' | 'gridId' | 'gridName' | 'createdAt' | 'lastVisitAt'>, f: Fields, version: number, now: string): Promise<HouseholdRecord> {
  const sealed = await deps.pii.seal(base.districtId, base.householdId, {
    address: JSON.stringify({ building: f.building, unit: f.unit, room: f.room }),
    phone: f.phone,
    careTags: f.careTags.length ? f.careTags.join(',') : undefined,
    notes: f.notes || undefined,
  })
  const cadences = Object.fromEntries(f.careTags.map((t) => [tagKey(deps, base.districtId, t), visitCadenceDays[t]]))
  return { ...base, headName: f.headName, members: f.members, sealed, cadences, updatedAt: now, version }
}

export async function createHouseholdRecord(deps: Deps, caller: Caller, input: RouteBody<typeof createHousehold>): Promise<HouseholdView> {
  const catalogue = await deps.catalogue(caller.user.districtId)
  const grid = gridNode(catalogue, input.gridId)
  if (!onGrid(catalogue, caller, 'households.manage', grid.id)) throw new DomainError('auth.forbidden', [{ path: 'gridId', message: '只有本网格的网格员、网格长可以登记住户' }])
  const now = deps.clock().toISOString()
  const { gridId: _g, ...fields } = input
  const householdId = doorId(deps, caller.user.districtId, grid.id, fields)
  const h = await sealHousehold(deps, { districtId: caller.user.districtId, householdId, gridId: grid.id, gridName: grid.name, createdAt: now }, fields, 1, now)
  if (!(await deps.repos.households.put(h, undefined, []))) throw new DomainError('household.exists', [{ path: 'room', message: `${addressOf(fields)}已登记在台账中` }])
  return (await views(deps, caller, catalogue, [h], 'POST /v1/households'))[0]!
}

export async function updateHouseholdRecord(deps: Deps, caller: Caller, id: string, input: RouteBody<typeof updateHousehold>): Promise<HouseholdView> {
  const catalogue = await deps.catalogue(caller.user.districtId)
  const before = await known(deps, caller, catalogue, id, ['staff'])
  const conflict = new DomainError('household.conflict', [{ path: 'version', message: '该户台账已被他人修改，请刷新后重试' }])
  if (before.version !== input.version) throw conflict
  const { version, ...fields } = input
  const h = await sealHousehold(deps, before, fields, version + 1, deps.clock().toISOString())
  const dropped = Object.keys(before.cadences).filter((k) => !(k in h.cadences))
  if (!(await deps.repos.households.put(h, version, dropped))) throw conflict
  return (await views(deps, caller, catalogue, [h], 'PUT /v1/households/{id}'))[0]!
}

export async function deleteHouseholdRecord(deps: Deps, caller: Caller, id: string) {
  const catalogue = await deps.catalogue(caller.user.districtId)
  const h = await known(deps, caller, catalogue, id, ['staff'])
  if (!(await deps.repos.households.remove(h))) throw new DomainError('household.conflict', [{ path: 'id', message: '该户台账已被他人修改，请刷新后重试' }])
  return { id }
}

export async function householdDetail(deps: Deps, caller: Caller, id: string): Promise<HouseholdView> {
  const catalogue = await deps.catalogue(caller.user.districtId)
  return (await views(deps, caller, catalogue, [await known(deps, caller, catalogue, id, ['staff', 'overseer'])], 'GET /v1/households/{id}'))[0]!
}

/** One page of a grid's roster, of one tag's households, or of those due to visit (due by the end of today). */
export async function householdPage(deps: Deps, caller: Caller, q: RouteQuery<typeof listHouseholds>) {
  const districtId = caller.user.districtId
  const catalogue = await deps.catalogue(districtId)
  gridNode(catalogue, q.gridId)
  if (!standing(catalogue, caller, q.gridId)) throw new DomainError('auth.forbidden', [{ path: 'gridId', message: '只有本网格的网格员、网格长可以查看住户台账' }])
  const list = `households:${q.gridId}:${q.tag ?? ''}:${q.due}`
  const dueBy = q.due === '1' ? endOfChinaDay(deps.clock()) : undefined
  const page = await deps.repos.households.list(districtId, q.gridId, { tagKey: q.tag && tagKey(deps, districtId, q.tag), dueBy, limit: q.limit, startKey: decodeCursor(deps.cursorSecret, list, q.cursor) })
  return { items: await views(deps, caller, catalogue, page.items, 'GET /v1/households'), nextCursor: encodeCursor(deps.cursorSecret, list, page.lastKey) }
}

/** A roster row's fields as the form would send them, and the column each field comes from. */
const columnOf: Record<keyof Fields, (typeof rosterColumns)[number]> = { building: '楼栋', unit: '单元', room: '门牌号', headName: '户主姓名', members: '人口数', phone: '联系电话', careTags: '关爱标签', notes: '备注' }
const fieldsOfRow = (c: Record<string, string>) => ({
  building: c['楼栋'] ?? '',
  unit: c['单元'] ?? '',
  room: c['门牌号'] ?? '',
  headName: c['户主姓名'] ?? '',
  members: c['人口数'] ? Number(c['人口数']) : undefined,
  phone: c['联系电话'] || undefined,
  careTags: (c['关爱标签'] ?? '').split(/[、,，;；\s]+/).filter(Boolean).map((t) => careTagOf(t) ?? t),
  notes: c['备注'] ?? '',
})
const rowFields = z.strictObject(householdFields)

/**
 * Registers the households of a spreadsheet the caller uploaded. Every row is checked first — its fields as the
 * form's, its door not on the roster nor twice in the file — and any problem answers all of them, row by row, with
 * nothing written.
 */
export async function importRoster(deps: Deps, caller: Caller, input: RouteBody<typeof importHouseholds>): Promise<{ imported: number }> {
  const districtId = caller.user.districtId
  const catalogue = await deps.catalogue(districtId)
  const grid = gridNode(catalogue, input.gridId)
  if (!onGrid(catalogue, caller, 'households.manage', grid.id)) throw new DomainError('auth.forbidden', [{ path: 'gridId', message: '只有本网格的网格员、网格长可以导入住户' }])
  const bytes = await readOwnUpload(deps, caller, input.fileKey, 'fileKey', 2 * 1024 * 1024)
  const rows = await readSheet(bytes, input.fileKey.endsWith('.csv') ? 'csv' : 'xlsx').catch(() => {
    throw new DomainError('upload.invalid', [{ path: 'fileKey', message: '无法读取表格，请上传 Excel（.xlsx）或 CSV 文件' }])
  })
  if (!rows.length) throw new DomainError('household.importInvalid', [{ path: 'fileKey', message: '表格中没有住户（第一行应为列名：楼栋、门牌号、户主姓名……）' }])
  if (rows.length > MAX_IMPORT_ROWS) throw new DomainError('household.importInvalid', [{ path: 'fileKey', message: `一次最多导入 ${MAX_IMPORT_ROWS} 户，表格有 ${rows.length} 行` }])

  const problems: FieldError[] = []
  const parsed: { row: number; id: string; fields: Fields }[] = []
  const seen = new Map<string, number>()
  for (const { row, cells } of rows) {
    const result = rowFields.safeParse(fieldsOfRow(cells))
    if (!result.success) {
      for (const issue of result.error.issues) {
        const key = String(issue.path[0]) as keyof Fields
        problems.push({ path: `rows.${row}.${key}`, message: `第 ${row} 行「${columnOf[key] ?? key}」：${issue.code === 'invalid_value' && key === 'careTags' ? '关爱标签只能是 独居老人、留守儿童、残疾、低保、重点关注' : issue.message}` })
      }
      continue
    }
    const id = doorId(deps, districtId, grid.id, result.data)
    const twin = seen.get(id)
    if (twin) problems.push({ path: `rows.${row}.room`, message: `第 ${row} 行：与第 ${twin} 行是同一户（${addressOf(result.data)}）` })
    seen.set(id, row)
    parsed.push({ row, id, fields: result.data })
  }
  const taken = new Set(await deps.repos.households.existing(districtId, parsed.map((p) => p.id)))
  for (const p of parsed.filter((p) => taken.has(p.id))) problems.push({ path: `rows.${p.row}.room`, message: `第 ${p.row} 行：${addressOf(p.fields)}已登记在台账中` })
  if (problems.length) throw new DomainError('household.importInvalid', problems.sort((a, b) => Number(a.path.split('.')[1]) - Number(b.path.split('.')[1])))

  const now = deps.clock().toISOString()
  const records = await Promise.all(parsed.map((p) => sealHousehold(deps, { districtId, householdId: p.id, gridId: grid.id, gridName: grid.name, createdAt: now }, p.fields, 1, now)))
  await deps.repos.households.putMany(records)
  return { imported: records.length }
}

/** The grid's whole roster as an Excel sheet, in the columns import reads; recorded as one unmasked read. */
export async function exportRoster(deps: Deps, caller: Caller, gridId: string): Promise<FileAnswer> {
  const districtId = caller.user.districtId
  const catalogue = await deps.catalogue(districtId)
  const grid = gridNode(catalogue, gridId)
  if (!onGrid(catalogue, caller, 'households.manage', grid.id)) throw new DomainError('auth.forbidden', [{ path: 'gridId', message: '只有本网格的网格员、网格长可以导出住户台账' }])
  const all: HouseholdRecord[] = []
  let startKey: Record<string, unknown> | undefined
  do {
    const page = await deps.repos.households.list(districtId, grid.id, { limit: 500, startKey })
    all.push(...page.items)
    startKey = page.lastKey
  } while (startKey && all.length <= MAX_IMPORT_ROWS * 2)
  const shown = await views(deps, caller, catalogue, all, 'GET /v1/households/export')
  const rows = shown.map((h) => ({ 楼栋: h.building ?? '', 单元: h.unit ?? '', 门牌号: h.room ?? '', 户主姓名: h.headName, 人口数: h.members, 联系电话: h.phone ?? '', 关爱标签: h.careTags.map((t) => careTagLabels[t]).join('、'), 备注: h.notes, 上次走访: h.lastVisitAt ? chinaDate(h.lastVisitAt) : '' }))
  return { filename: `${grid.name}住户台账-${chinaDate(deps.clock())}.xlsx`, bytes: await writeSheet(`${grid.name}住户台账`, rosterColumns, rows) }
}
