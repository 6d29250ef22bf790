/**
 * A district's own rules for its command centre, kept as data the admin sets: the weights of the 三率 in the ranking,
 * the fewest cases a unit is ranked on, and the rules of the five-colour grades (each grade with its reason).
 */
import * as z from 'zod'
import { defineRoute } from '../route'
import { grades, PATROL_WINDOW_DAYS, type GridFigures } from '../../domain/command/grades'

const weight = z.number({ error: '权重必须是数字' }).int('权重必须是整数').min(0, '权重不能小于 0').max(100, '权重不能大于 100')
const figures = ['open', 'openOverdue', 'receivedMonth', 'reopenedMonth', 'repeatedMonth', 'daysUnpatrolled'] as const satisfies readonly (keyof GridFigures)[]
export const gradeFigureLabels: Record<(typeof figures)[number], string> = {
  open: '在办件数',
  openOverdue: '超期未办结件数',
  receivedMonth: '本月受理件数',
  reopenedMonth: '本月重办件数',
  repeatedMonth: '本月同类投诉件数',
  daysUnpatrolled: '连续无巡查打卡天数',
}

export const commandSettingsSchema = z.strictObject({
  weights: z
    .strictObject({ accept: weight, resolve: weight, satisfaction: weight })
    .refine((w) => w.accept + w.resolve + w.satisfaction === 100, { message: '响应率、办结及时率、满意率三项权重之和须为 100' }),
  minCases: z.number({ error: '最少件数必须是数字' }).int('最少件数必须是整数').min(1, '最少件数至少为 1').max(1000, '最少件数最多为 1000'),
  gradeRules: z
    .array(
      z
        .strictObject({
          grade: z.enum(grades.filter((g) => g !== 'green') as ['red', 'orange', 'yellow', 'blue'], { error: '预警等级只能是红、橙、黄、蓝' }),
          figure: z.enum(figures, { error: '请选择依据的数字' }),
          atLeast: z.number({ error: '阈值必须是数字' }).int('阈值必须是整数').min(1, '阈值至少为 1').max(10000, '阈值最大为 10000'),
          reason: z.string({ error: '请填写预警原因' }).trim().min(2, '预警原因至少 2 个字').max(40, '预警原因最多 40 字'),
        })
        .refine((r) => r.figure !== 'daysUnpatrolled' || r.atLeast <= PATROL_WINDOW_DAYS, {
          message: `无巡查天数最多看 ${PATROL_WINDOW_DAYS} 天`,
          path: ['atLeast'],
        }),
    )
    .max(20, '预警规则最多 20 条'),
})
export type CommandSettings = z.infer<typeof commandSettingsSchema>

export const commandSettingsGet = defineRoute({
  method: 'GET',
  path: '/v1/command/settings',
  summary: '本区指挥中心的规则：三率权重、最少排名件数、五色预警规则（未设置时为默认值）',
  action: 'command.watch',
  response: commandSettingsSchema,
})

export const commandSettingsPut = defineRoute({
  method: 'PUT',
  path: '/v1/command/settings',
  summary: '设置本区指挥中心的规则（区管理员）：三率权重（和为 100）、最少排名件数、五色预警规则（原因中的 {n} 为该数字）',
  action: 'command.settings',
  body: commandSettingsSchema,
  response: commandSettingsSchema,
})
