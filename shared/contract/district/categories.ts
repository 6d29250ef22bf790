import * as z from 'zod'
import { defineRoute } from '../route'
import { priorities, slaBandKeys } from '../../domain/case/sla'

export const categoryItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  priority: z.enum(priorities),
  slaBand: z.enum(slaBandKeys),
  autoDispatch: z.boolean(),
  /** Each stage's time; a band counted in working days also says how many (its resolveMinutes is then an estimate). */
  sla: z.object({ acceptMinutes: z.number(), dispatchMinutes: z.number(), resolveMinutes: z.number(), resolveWorkdays: z.number().optional() }),
})

export const categoryClassSchema = z.object({ id: z.string(), name: z.string(), items: z.array(categoryItemSchema) })
export type CategoryClass = z.infer<typeof categoryClassSchema>

export const listCategories = defineRoute({
  method: 'GET',
  path: '/v1/categories',
  summary: '问题分类（大类 → 小类），含默认部门、优先级与时限',
  action: 'categories.read',
  response: z.object({ classes: z.array(categoryClassSchema) }),
})
