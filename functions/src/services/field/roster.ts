/**
 * A grid's roster as a spreadsheet (Excel or CSV): import checks every row before writing any, export writes the
 * columns import reads. Apart from the roster's other routes, so only these two functions carry the spreadsheet code.
 */
import * as z from 'zod'
import {
  DomainError,
  MAX_IMPORT_ROWS,
  careTagLabels,
  careTagOf,
  chinaDate,
  householdFields,
  rosterColumns,
  type FieldError,
  type FileAnswer,
  type RouteBody,
  type importHouseholds,
} from '@linli/shared'
import { readSheet, SheetTooLarge, writeSheet } from '../../adapters/roster-file'
import { readOwnUpload } from '../uploads/uploads'
import type { Caller } from '../identity/ports'
import type { FieldDeps, HouseholdRecord } from './ports'
import { onGrid } from './grid-staff'
import { addressOf, doorId, gridNode, sealHousehold, views, type Fields } from './households'

/** A roster row's fields as the form would send them, and the column each field comes from. */
const columnOf: Record<keyof Fields, (typeof rosterColumns)[number]> = {
  building: '楼栋',
  unit: '单元',
  room: '门牌号',
  headName: '户主姓名',
  members: '人口数',
  phone: '联系电话',
  careTags: '关爱标签',
  notes: '备注',
}
const fieldsOfRow = (c: Record<string, string>) => ({
  building: c['楼栋'] ?? '',
  unit: c['单元'] ?? '',
  room: c['门牌号'] ?? '',
  headName: c['户主姓名'] ?? '',
  members: c['人口数'] ? Number(c['人口数']) : undefined,
  phone: c['联系电话'] || undefined,
  careTags: (c['关爱标签'] ?? '')
    .split(/[、,，;；\s]+/)
    .filter(Boolean)
    .map((t) => careTagOf(t) ?? t),
  notes: c['备注'] ?? '',
})
const rowFields = z.strictObject(householdFields)

/**
 * Registers the households of a spreadsheet the caller uploaded. Every row is checked first — its fields as the
 * form's, its door not on the roster nor twice in the file — and any problem answers all of them, row by row, with
 * nothing written.
 */
export async function importRoster(deps: FieldDeps, caller: Caller, input: RouteBody<typeof importHouseholds>): Promise<{ imported: number }> {
  const districtId = caller.user.districtId
  const catalogue = await deps.catalogue(districtId)
  const grid = gridNode(catalogue, input.gridId)
  if (!onGrid(catalogue, caller, 'households.manage', grid.id))
    throw new DomainError('auth.forbidden', [{ path: 'gridId', message: '只有本网格的网格员、网格长可以导入住户' }])
  const bytes = await readOwnUpload(deps, caller, input.fileKey, 'fileKey', 2 * 1024 * 1024)
  const rows = await readSheet(bytes, input.fileKey.endsWith('.csv') ? 'csv' : 'xlsx').catch((e) => {
    if (e instanceof SheetTooLarge) throw new DomainError('upload.invalid', [{ path: 'fileKey', message: '表格解压后过大，请只保留住户台账一张表后重新导入' }])
    throw new DomainError('upload.invalid', [{ path: 'fileKey', message: '无法读取表格，请上传 Excel（.xlsx）或 CSV 文件' }])
  })
  if (!rows.length)
    throw new DomainError('household.importInvalid', [{ path: 'fileKey', message: '表格中没有住户（第一行应为列名：楼栋、门牌号、户主姓名……）' }])
  if (rows.length > MAX_IMPORT_ROWS)
    throw new DomainError('household.importInvalid', [{ path: 'fileKey', message: `一次最多导入 ${MAX_IMPORT_ROWS} 户，表格有 ${rows.length} 行` }])

  const problems: FieldError[] = []
  const parsed: { row: number; id: string; fields: Fields }[] = []
  const seen = new Map<string, number>()
  for (const { row, cells } of rows) {
    const result = rowFields.safeParse(fieldsOfRow(cells))
    if (!result.success) {
      for (const issue of result.error.issues) {
        const key = String(issue.path[0]) as keyof Fields
        problems.push({
          path: `rows.${row}.${key}`,
          message: `第 ${row} 行「${columnOf[key] ?? key}」：${issue.code === 'invalid_value' && key === 'careTags' ? '关爱标签只能是 独居老人、留守儿童、残疾、低保、重点关注' : issue.message}`,
        })
      }
      continue
    }
    const id = doorId(deps, districtId, grid.id, result.data)
    const twin = seen.get(id)
    if (twin) problems.push({ path: `rows.${row}.room`, message: `第 ${row} 行：与第 ${twin} 行是同一户（${addressOf(result.data)}）` })
    seen.set(id, row)
    parsed.push({ row, id, fields: result.data })
  }
  const taken = new Set(
    await deps.repos.households.existing(
      districtId,
      parsed.map((p) => p.id),
    ),
  )
  for (const p of parsed.filter((p) => taken.has(p.id)))
    problems.push({ path: `rows.${p.row}.room`, message: `第 ${p.row} 行：${addressOf(p.fields)}已登记在台账中` })
  if (problems.length)
    throw new DomainError(
      'household.importInvalid',
      problems.sort((a, b) => Number(a.path.split('.')[1]) - Number(b.path.split('.')[1])),
    )

  const now = deps.clock().toISOString()
  const records = await Promise.all(
    parsed.map((p) => sealHousehold(deps, { districtId, householdId: p.id, gridId: grid.id, gridName: grid.name, createdAt: now }, p.fields, 1, now)),
  )
  await deps.repos.households.putMany(records)
  return { imported: records.length }
}

/** Work bounded per request: a grid's roster is read up to this many households (the seeds' largest grid holds 500). */
const MAX_EXPORT_ROWS = 5000

/** The grid's whole roster as an Excel sheet, in the columns import reads; recorded as one unmasked read. */
export async function exportRoster(deps: FieldDeps, caller: Caller, gridId: string): Promise<FileAnswer> {
  const districtId = caller.user.districtId
  const catalogue = await deps.catalogue(districtId)
  const grid = gridNode(catalogue, gridId)
  if (!onGrid(catalogue, caller, 'households.manage', grid.id))
    throw new DomainError('auth.forbidden', [{ path: 'gridId', message: '只有本网格的网格员、网格长可以导出住户台账' }])
  const all: HouseholdRecord[] = []
  let startKey: Record<string, unknown> | undefined
  do {
    const page = await deps.repos.households.list(districtId, grid.id, { limit: 500, startKey })
    all.push(...page.items)
    startKey = page.lastKey
  } while (startKey && all.length < MAX_EXPORT_ROWS)
  const shown = await views(deps, caller, catalogue, all, 'GET /v1/households/export')
  const rows = shown.map((h) => ({
    楼栋: h.building ?? '',
    单元: h.unit ?? '',
    门牌号: h.room ?? '',
    户主姓名: h.headName,
    人口数: h.members,
    联系电话: h.phone ?? '',
    关爱标签: h.careTags.map((t) => careTagLabels[t]).join('、'),
    备注: h.notes,
    上次走访: h.lastVisitAt ? chinaDate(h.lastVisitAt) : '',
  }))
  return { filename: `${grid.name}住户台账-${chinaDate(deps.clock())}.xlsx`, bytes: await writeSheet(`${grid.name}住户台账`, rosterColumns, rows) }
}
