/**
 * The command centre's export (DESIGN.md §3): a district's or a street's cases reported in a period, as .xlsx with
 * Chinese headers and every stage's time and deadline, scoped like the drill-down, each export recorded in the audit log.
 */
import * as z from 'zod'
import { defineRoute, fileAnswer } from '../route'
import { idSchema } from '../common'
import { XLSX_TYPE } from '../uploads/uploads'

const date = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' })

/** An export answered at once holds at most this many cases (a larger one is asked for a shorter period or a lower level). */
export const EXPORT_MAX_CASES = 2000

export const commandCasesExport = defineRoute({
  method: 'GET',
  path: '/v1/command/cases.xlsx',
  summary: `导出辖区某时段上报的事件为 Excel：编号、分类、状态、网格、部门，受理、派单、办结、结案的时间与时限，超时、上报、延期、重办、督办与评价（最多 ${EXPORT_MAX_CASES} 件、92 天；每次导出留痕）`,
  action: 'command.export',
  query: z
    .strictObject({ nodeId: idSchema.optional(), from: date, to: date })
    .refine((q) => q.from <= q.to, { message: '结束日期不能早于开始日期', path: ['to'] })
    .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 91 * 86_400_000, { message: '一次最多导出 92 天', path: ['to'] }),
  produces: XLSX_TYPE,
  response: fileAnswer,
})
