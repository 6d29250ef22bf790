import * as z from 'zod'
import { defineRoute } from '../route'

export const openApiRoute = defineRoute({
  method: 'GET',
  path: '/openapi.json',
  summary: '本 API 的 OpenAPI 3.1 文档（由契约生成：每条路由、参数、权限动作 x-permission 与错误码）',
  action: 'openapi.read',
  response: z.record(z.string(), z.unknown()),
})
