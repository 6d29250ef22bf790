import * as z from 'zod'
import { defineRoute } from '../route'
import { idSchema } from '../common'
import { rateCounts, rateLevels } from '../../domain/case/rates'

const date = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' })
const counts = z.object(Object.fromEntries(rateCounts.map((k) => [k, z.number()])) as Record<(typeof rateCounts)[number], z.ZodNumber>)
const share = z.number().min(0).max(1).optional()

export const ratesReport = defineRoute({
  method: 'GET',
  path: '/v1/reports/rates',
  summary: '时效与满意度（三率）：某一层级（区、街道、网格、部门）按日的受理、派单、办结及时数，超时、上报、延期、重办、督办和评价（北京时间，最多 92 天）',
  action: 'reports.rates',
  query: z
    .strictObject({
      level: z.enum(rateLevels, { error: '层级只能是 district、street、community、grid 或 department' }),
      nodeId: idSchema,
      from: date,
      to: date,
    })
    .refine((q) => q.from <= q.to, { message: '结束日期不能早于开始日期', path: ['to'] })
    .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 91 * 86_400_000, { message: '一次最多查询 92 天', path: ['to'] }),
  response: z.object({
    level: z.enum(rateLevels),
    nodeId: z.string(),
    name: z.string(),
    days: z.array(counts.extend({ day: z.string() })),
    total: counts.extend({ acceptRate: share, dispatchRate: share, resolveRate: share, satisfactionRate: share, averageRating: z.number().optional() }),
  }),
})
