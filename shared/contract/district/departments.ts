import * as z from 'zod'
import { defineRoute } from '../route'

export const listDepartments = defineRoute({
  method: 'GET',
  path: '/v1/departments',
  summary: '本辖区的部门及其工作人员（坐席派单时选择）',
  action: 'departments.list',
  response: z.object({
    items: z.array(z.object({ id: z.string(), name: z.string(), officials: z.array(z.object({ id: z.string(), name: z.string() })) })),
  }),
})
