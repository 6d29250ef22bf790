import * as z from 'zod'
import { defineRoute } from '../route'
import { idSchema, roleSchema } from '../common'
import { staffRoles } from '../../domain/roles'
import { userSchema } from './auth'

export const inviteCodeSchema = z
  .string({ error: '缺少邀请码' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{8}$/, '邀请码为 8 位字母或数字')

export const createInvite = defineRoute({
  method: 'POST',
  path: '/v1/invites',
  summary: '管理员为工作人员创建邀请码',
  action: 'invites.create',
  status: 201,
  body: z.strictObject({
    role: z.enum(staffRoles as [string, ...string[]], { error: '角色必须是工作人员角色' }),
    scopeId: idSchema,
    expiresInHours: z.number({ error: '有效期必须是数字' }).int('有效期必须是整数').min(1, '有效期至少 1 小时').max(720, '有效期最多 720 小时').default(72),
    note: z.string().max(50, '备注最多 50 字').optional(),
  }),
  response: z.object({ code: z.string(), role: z.string(), scopeId: z.string(), scopeName: z.string(), expiresAt: z.string() }),
})

export const redeemInvite = defineRoute({
  method: 'POST',
  path: '/v1/invites/redeem',
  summary: '使用邀请码获得工作人员角色',
  action: 'invites.redeem',
  body: z.strictObject({ code: inviteCodeSchema }),
  response: userSchema,
})

export const revokeRole = defineRoute({
  method: 'DELETE',
  path: '/v1/users/{id}/roles/{role}/{scopeId}',
  summary: '管理员收回本辖区工作人员的一个角色，并结束其所有会话',
  action: 'roles.revoke',
  params: z.strictObject({ id: idSchema, role: roleSchema, scopeId: idSchema }),
  response: z.object({ revoked: z.literal(true) }),
})
