/**
 * District administration (DESIGN.md §3 "Administration"): the district's admins edit its reference data —
 * departments and the case taxonomy's items — and read the log of every change made (who, when, before and after).
 */
import * as z from 'zod'
import { defineRoute } from '../route'
import { cursorSchema, idParams, idSchema, pageLimit } from '../common'
import { priorities, slaBandKeys } from '../../domain/case/sla'
import { gridLevels } from '../../domain/grid'

const name = z.string().trim().min(1, '请填写名称').max(40, '名称最多 40 个字')
/** A choice of the form (a street, a class, a department): said as missing when none was made. */
const chosen = (missing: string) => z.string({ error: missing }).min(1, missing).pipe(idSchema)

export const adminDepartmentBody = z.strictObject({
  name,
  /** The street or grid the department serves from (its level of the grid tree). */
  nodeId: chosen('请选择服务范围'),
})
export const adminDepartmentSchema = adminDepartmentBody.extend({ id: z.string() })

export const adminDepartmentPut = defineRoute({
  method: 'PUT',
  path: '/v1/admin/departments/{id}',
  summary: '新建或修改职能部门（区管理员）：名称、所属街道或网格，修改留痕',
  action: 'admin.catalogue',
  params: idParams,
  body: adminDepartmentBody,
  response: adminDepartmentSchema,
})

export const adminCategoryBody = z.strictObject({
  classId: chosen('请选择所属大类'),
  name,
  order: z.number({ error: '排序必须是数字' }).int('排序必须是整数').min(0, '排序不能小于 0').max(999, '排序不能大于 999'),
  /** Where a case of this item is dispatched by default. */
  departmentId: chosen('请选择默认派往的部门'),
  priority: z.enum(priorities, { error: '优先级不存在' }),
  slaBand: z.enum(slaBandKeys, { error: '时限档位不存在' }),
  autoDispatch: z.boolean().optional(),
})
export const adminCategorySchema = adminCategoryBody.extend({ id: z.string() })

export const adminCategoryPut = defineRoute({
  method: 'PUT',
  path: '/v1/admin/categories/{id}',
  summary: '新建或修改事件分类小类（区管理员）：所属大类、默认部门、优先级、处置时限，修改留痕',
  action: 'admin.catalogue',
  params: idParams,
  body: adminCategoryBody,
  response: adminCategorySchema,
})

/** What the console edits, read fresh (not the 60 s cache the other routes read): the tree, departments and taxonomy. */
export const adminCatalogue = defineRoute({
  method: 'GET',
  path: '/v1/admin/catalogue',
  summary: '本区的网格树、职能部门与事件分类（区管理员编辑用，读最新）',
  action: 'admin.catalogue',
  response: z.object({
    district: z.object({ id: z.string(), name: z.string() }),
    /** Each node of the tree with its boundary (GeoJSON, WGS84), for the console's map. */
    nodes: z.array(
      z.object({ id: z.string(), name: z.string(), level: z.enum(gridLevels), parentId: z.string().optional(), boundary: z.unknown().optional() }),
    ),
    departments: z.array(adminDepartmentSchema),
    rooms: z.array(z.object({ id: z.string(), name: z.string() })),
    classes: z.array(z.object({ id: z.string(), name: z.string(), items: z.array(adminCategorySchema) })),
  }),
})

export const adminChangeKinds = ['department', 'category', 'grid'] as const
export type AdminChangeKind = (typeof adminChangeKinds)[number]
export const adminChangeSchema = z.object({
  at: z.string(),
  userId: z.string(),
  userName: z.string(),
  kind: z.enum(adminChangeKinds),
  subjectId: z.string(),
  /** The record before the change (absent when it was created) and after it. */
  before: z.record(z.string(), z.unknown()).optional(),
  after: z.record(z.string(), z.unknown()),
})

export const adminChanges = defineRoute({
  method: 'GET',
  path: '/v1/admin/changes',
  summary: '管理变更记录（区管理员）：谁、何时、改了什么（修改前后），按日期（北京时间）查询，新的在前，分页',
  action: 'admin.changes',
  query: z.strictObject({ date: z.iso.date({ error: '日期格式应为 YYYY-MM-DD' }), cursor: cursorSchema.optional(), limit: pageLimit }),
  response: z.object({ items: z.array(adminChangeSchema), nextCursor: z.string().optional() }),
})
