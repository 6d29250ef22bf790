import * as z from 'zod'
import { defineRoute } from '../route'
import { roleBindingSchema } from '../common'

export const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  districtId: z.string(),
  roles: z.array(roleBindingSchema),
})
export type User = z.infer<typeof userSchema>

export const login = defineRoute({
  method: 'POST',
  path: '/v1/auth/login',
  summary: '用 wx.login 的 code 登录，换取会话令牌',
  action: 'session.create',
  body: z.strictObject({
    code: z.string({ error: '缺少登录凭证 code' }).min(1, '登录凭证不能为空').max(128, '登录凭证过长'),
  }),
  response: z.object({ token: z.string(), expiresAt: z.string(), user: userSchema }),
})

export const logout = defineRoute({
  method: 'POST',
  path: '/v1/auth/logout',
  summary: '退出登录：结束本账号的会话（所有设备）',
  action: 'session.end',
  response: z.object({ ended: z.literal(true) }),
})

export const me = defineRoute({
  method: 'GET',
  path: '/v1/me',
  summary: '当前用户及其角色',
  action: 'me.read',
  response: userSchema,
})
