import * as z from 'zod'
import { roles } from '../domain/roles'

export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不正确')

export const latitude = z.coerce.number({ error: '纬度必须是数字' }).min(-90, '纬度超出范围').max(90, '纬度超出范围')
export const longitude = z.coerce.number({ error: '经度必须是数字' }).min(-180, '经度超出范围').max(180, '经度超出范围')

export const pointQuery = z.strictObject({ lat: latitude, lng: longitude })

export const roleSchema = z.enum(roles, { error: '角色不存在' })

export const roleBindingSchema = z.object({
  role: roleSchema,
  scopeId: z.string(),
  scopeName: z.string(),
})

/** A page cursor as the server hands it out: `<base64url body>.<base64url signature>`. */
export const cursorSchema = z
  .string()
  .max(2000, '分页游标不正确')
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, '分页游标不正确')

/** How many items a page of a list holds: 1–50, 20 unless asked. */
export const pageLimit = z.coerce.number({ error: '每页条数必须是数字' }).int().min(1, '每页至少 1 条').max(50, '每页最多 50 条').default(20)

export const idParams = z.strictObject({ id: idSchema })
