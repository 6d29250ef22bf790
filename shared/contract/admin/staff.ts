/**
 * The district's staff, as its admin sees them (DESIGN.md §3 "Administration"): who holds a role in a scope — a grid,
 * a street, a department, a room, the district — with their phone masked; each can be invited or taken back through
 * identity's own routes (POST /v1/invites, DELETE /v1/users/{id}/roles/{role}/{scopeId}).
 */
import * as z from 'zod'
import { defineRoute } from '../route'
import { cursorSchema, idSchema, pageLimit } from '../common'
import { staffRoles } from '../../domain/roles'

export const adminStaff = defineRoute({
  method: 'GET',
  path: '/v1/admin/staff',
  summary: '某一范围（网格、街道、部门、说事室或全区）中担任某一角色的工作人员（区管理员；手机号脱敏），分页',
  action: 'admin.staff',
  query: z.strictObject({
    role: z.enum(staffRoles as [string, ...string[]], { error: '角色必须是工作人员角色' }),
    scopeId: idSchema,
    cursor: cursorSchema.optional(),
    limit: pageLimit,
  }),
  response: z.object({
    scope: z.object({ id: z.string(), name: z.string() }),
    items: z.array(z.object({ userId: z.string(), name: z.string(), phone: z.string().optional() })),
    nextCursor: z.string().optional(),
  }),
})
