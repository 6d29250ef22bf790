/**
 * The household roster of a grid (住户台账): personal fields (address, phone, care tags, notes) are sealed at rest and
 * shown unmasked only to the grid's staff, each such read recorded in the audit log that admins read.
 */
import * as z from 'zod'
import { defineRoute } from '../route'
import { cursorSchema, idParams, idSchema, pageLimit } from '../common'
import { fileAnswer } from '../route'
import { rosterFileKeySchema, XLSX_TYPE } from '../uploads/uploads'
import { careTags } from '../../domain/field/households'

export const careTagSchema = z.enum(careTags, { error: '关爱标签不正确' })
const part = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}最多 ${max} 字`)

export const householdFields = {
  building: part('楼栋', 20),
  unit: z.string().trim().max(10, '单元最多 10 字').default(''),
  room: part('门牌号', 20),
  headName: z.string({ error: '请填写户主姓名' }).trim().min(1, '请填写户主姓名').max(20, '户主姓名最多 20 字'),
  members: z.number({ error: '人口数必须是数字' }).int('人口数须为整数').min(1, '人口数至少 1').max(30, '人口数最多 30'),
  phone: z
    .string()
    .regex(/^1\d{10}$/, '请填写 11 位手机号')
    .optional(),
  careTags: z
    .array(careTagSchema)
    .max(careTags.length)
    .refine((t) => new Set(t).size === t.length, '关爱标签不能重复')
    .default([]),
  notes: z.string().trim().max(500, '备注最多 500 字').default(''),
}

export const householdSchema = z.object({
  id: z.string(),
  gridId: z.string(),
  gridName: z.string(),
  /** 3栋2单元301室; masked (3栋****) for those whose work does not need it. */
  address: z.string(),
  /** The address's parts, for the edit form (unmasked only). */
  building: z.string().optional(),
  unit: z.string().optional(),
  room: z.string().optional(),
  headName: z.string(),
  members: z.number(),
  phone: z.string().optional(),
  careTags: z.array(careTagSchema),
  notes: z.string(),
  lastVisitAt: z.string().optional(),
  nextDueAt: z.string().optional(),
  /** Whether the personal fields are masked for this caller. */
  masked: z.boolean(),
  version: z.number(),
})
export type HouseholdView = z.infer<typeof householdSchema>

export const listHouseholds = defineRoute({
  method: 'GET',
  path: '/v1/households',
  summary: '网格的住户台账，分页；tag 按关爱标签筛选，due=1 只列到期应走访的（最久未访的在前）',
  action: 'households.read',
  query: z.strictObject({
    gridId: idSchema,
    tag: careTagSchema.optional(),
    due: z.enum(['0', '1'], { error: 'due 只能是 0 或 1' }).default('0'),
    cursor: cursorSchema.optional(),
    limit: pageLimit,
  }),
  response: z.object({
    items: z.array(householdSchema),
    nextCursor: z.string().optional(),
    /** For a reader of the masked roster (a district admin), on the first page: how many households carry each care tag. */
    tagCounts: z.partialRecord(careTagSchema, z.number()).optional().describe('各关爱标签的户数（只给看脱敏台账的管理员，不说明是哪一户）'),
  }),
})

export const getHousehold = defineRoute({
  method: 'GET',
  path: '/v1/households/{id}',
  summary: '一户的台账',
  action: 'households.read',
  params: idParams,
  response: householdSchema,
})

export const createHousehold = defineRoute({
  method: 'POST',
  path: '/v1/households',
  summary: '登记一户（本网格的网格员、网格长）',
  action: 'households.manage',
  status: 201,
  body: z.strictObject({ gridId: idSchema, ...householdFields }),
  response: householdSchema,
})

export const updateHousehold = defineRoute({
  method: 'PUT',
  path: '/v1/households/{id}',
  summary: '修改一户的台账（带上读到的 version，防止覆盖他人的修改）',
  action: 'households.manage',
  params: idParams,
  body: z.strictObject({ ...householdFields, version: z.number({ error: '版本号必须是数字' }).int().min(1) }),
  response: householdSchema,
})

export const deleteHousehold = defineRoute({
  method: 'DELETE',
  path: '/v1/households/{id}',
  summary: '从台账移除一户（搬离等）',
  action: 'households.manage',
  params: idParams,
  response: z.object({ id: z.string() }),
})

/** The columns of a roster spreadsheet, in order (上次走访 is exported, and ignored on import). */
export const rosterColumns = ['楼栋', '单元', '门牌号', '户主姓名', '人口数', '联系电话', '关爱标签', '备注', '上次走访'] as const
/** At most this many households in one imported file. */
export const MAX_IMPORT_ROWS = 2000

export const importHouseholds = defineRoute({
  method: 'POST',
  path: '/v1/households/import',
  summary:
    '从 Excel（.xlsx）或 CSV 表格批量登记住户（列：楼栋、单元、门牌号、户主姓名、人口数、联系电话、关爱标签、备注）；有任何一行不对则整表不导入，逐行说明原因',
  action: 'households.manage',
  status: 201,
  body: z.strictObject({ gridId: idSchema, fileKey: rosterFileKeySchema }),
  response: z.object({ imported: z.number() }),
})

export const exportHouseholds = defineRoute({
  method: 'GET',
  path: '/v1/households/export',
  summary: '导出网格的住户台账为 Excel（本网格的网格员、网格长；每次导出记入个人信息读取记录）',
  action: 'households.manage',
  query: z.strictObject({ gridId: idSchema }),
  produces: XLSX_TYPE,
  response: fileAnswer,
})

export const visitsReport = defineRoute({
  method: 'GET',
  path: '/v1/reports/visits',
  summary: '走访覆盖（网格长）：某月（北京时间）每位网格员的走访户次、其中到期应访的户次，以及网格此刻逾期未访的户数',
  action: 'reports.visits',
  query: z.strictObject({ gridId: idSchema, month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM') }),
  response: z.object({
    gridId: z.string(),
    month: z.string(),
    /** Households whose visit is overdue now. */
    overdueNow: z.number(),
    people: z.array(z.object({ userId: z.string(), userName: z.string(), visits: z.number(), dueVisits: z.number() })),
  }),
})

export const auditEntrySchema = z.object({
  at: z.string(),
  userId: z.string(),
  userName: z.string(),
  /** What was read unmasked: the kind of record, its ids and the fields. */
  subject: z.string(),
  ids: z.array(z.string()),
  fields: z.array(z.string()),
  route: z.string(),
})

export const listAudit = defineRoute({
  method: 'GET',
  path: '/v1/audit',
  summary: '个人信息明文读取记录（管理员），按日期（北京时间）查询，新的在前，分页',
  action: 'audit.read',
  query: z.strictObject({ date: z.iso.date({ error: '日期格式应为 YYYY-MM-DD' }), cursor: cursorSchema.optional(), limit: pageLimit }),
  response: z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().optional() }),
})
