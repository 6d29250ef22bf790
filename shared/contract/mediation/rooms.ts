import * as z from 'zod'
import { defineRoute } from '../route'
import { idParams, idSchema, latitude, longitude } from '../common'
import { specialties } from '../../domain/mediation/specialties'

export const specialtySchema = z.enum(specialties, { error: '纠纷类型不正确' })
const date = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' })
const clock = z.string({ error: '请填写时间' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm')

export const mediatorSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** A personal "brand" the community knows the mediator by (老李说事). */
  brand: z.string().optional(),
  specialties: z.array(specialtySchema),
  intro: z.string(),
  /** The public record: sessions held, how many ended in an agreement, average satisfaction (1–5). */
  record: z.object({ held: z.number(), agreementRate: z.number().optional(), satisfaction: z.number().optional() }),
})
export type MediatorSummary = z.infer<typeof mediatorSummarySchema>

export const roomSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  hours: z.string(),
  specialties: z.array(specialtySchema),
  distanceMeters: z.number().optional(),
})
export type RoomSummary = z.infer<typeof roomSummarySchema>

export const ruleSchema = z.strictObject({
  weekday: z.number({ error: '请选择星期' }).int().min(1, '星期为 1–7').max(7, '星期为 1–7'),
  start: clock,
  end: clock,
  sessionMinutes: z.number({ error: '请填写每场时长' }).int().min(15, '每场至少 15 分钟').max(240, '每场最多 240 分钟'),
  bufferMinutes: z.number({ error: '请填写间隔' }).int().min(0, '间隔不能为负').max(120, '间隔最多 120 分钟').default(0),
})

export const roomDetailSchema = roomSummarySchema.extend({
  /** The street or community the room belongs to (its admin's form edits it). */
  nodeId: z.string(),
  minNoticeHours: z.number(),
  horizonDays: z.number(),
  cancelCutoffHours: z.number(),
  mediators: z.array(mediatorSummarySchema),
  /** The mediators' weekly hours in words, from their rules ("周一至周五 09:00–12:00"); empty when nobody receives. */
  weekly: z.string(),
  /** The China dates of the next seven days on which the whole room is closed. */
  closedOn: z.array(z.string()),
})
export type RoomDetail = z.infer<typeof roomDetailSchema>

export const listRooms = defineRoute({
  method: 'GET',
  path: '/v1/rooms',
  summary: '本辖区的说事室，给出位置时由近及远，可按纠纷类型筛选',
  action: 'rooms.read',
  query: z
    .strictObject({ lat: latitude.optional(), lng: longitude.optional(), specialty: specialtySchema.optional() })
    .refine((q) => (q.lat === undefined) === (q.lng === undefined), { message: '经纬度须同时给出', path: ['lng'] }),
  response: z.object({ items: z.array(roomSummarySchema) }),
})

export const getRoom = defineRoute({
  method: 'GET',
  path: '/v1/rooms/{id}',
  summary: '一个说事室及其调解员',
  action: 'rooms.read',
  params: idParams,
  response: roomDetailSchema,
})

export const slotSchema = z.object({
  start: z.string(),
  end: z.string(),
  date: z.string(),
  time: z.string(),
  mediatorId: z.string(),
  mediatorName: z.string(),
  taken: z.boolean(),
})
export type SlotView = z.infer<typeof slotSchema>

export const roomSlots = defineRoute({
  method: 'GET',
  path: '/v1/rooms/{id}/slots',
  summary: '说事室在日期范围内（北京时间，最多 31 天）的可约时段，已约的标为 taken',
  action: 'rooms.read',
  params: idParams,
  query: z
    .strictObject({ from: date, to: date, mediatorId: idSchema.optional() })
    .refine((q) => q.from <= q.to, { message: '结束日期不能早于开始日期', path: ['to'] })
    .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 30 * 86_400_000, { message: '一次最多查询 31 天', path: ['to'] }),
  response: z.object({ items: z.array(slotSchema) }),
})

export const mediatorDetailSchema = mediatorSummarySchema.extend({
  rooms: z.array(z.object({ id: z.string(), name: z.string(), rules: z.array(ruleSchema.extend({ bufferMinutes: z.number() })) })),
})
export type MediatorDetail = z.infer<typeof mediatorDetailSchema>

export const getMediator = defineRoute({
  method: 'GET',
  path: '/v1/mediators/{id}',
  summary: '调解员简介、公开的调解记录和每周接待时间',
  action: 'mediators.read',
  params: idParams,
  response: mediatorDetailSchema,
})

export const putAvailability = defineRoute({
  method: 'PUT',
  path: '/v1/rooms/{id}/availability',
  summary: '调解员设置自己在该说事室的每周接待时间（整体替换）',
  action: 'availability.manage',
  params: idParams,
  body: z.strictObject({ rules: z.array(ruleSchema).max(21, '最多 21 个时段') }),
  response: mediatorDetailSchema,
})

const hours = (max: number, label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int()
    .min(0, `${label}不能为负`)
    .max(max, `${label}最多 ${max}`)

export const putRoom = defineRoute({
  method: 'PUT',
  path: '/v1/rooms/{id}',
  summary: '管理员新建或修改说事室（地址、位置、开放时间、接待类型、预约规则）',
  action: 'rooms.manage',
  params: idParams,
  body: z.strictObject({
    name: z.string({ error: '请填写名称' }).trim().min(2, '名称至少 2 个字').max(30, '名称最多 30 字'),
    nodeId: idSchema,
    address: z.string({ error: '请填写地址' }).trim().min(2, '地址至少 2 个字').max(60, '地址最多 60 字'),
    lat: latitude,
    lng: longitude,
    hours: z.string({ error: '请填写开放时间' }).trim().min(2, '开放时间至少 2 个字').max(60, '开放时间最多 60 字'),
    specialties: z
      .array(specialtySchema)
      .min(1, '至少选择一种纠纷类型')
      .max(6)
      .refine((xs) => new Set(xs).size === xs.length, '纠纷类型不能重复'),
    minNoticeHours: hours(72, '最短提前小时数'),
    horizonDays: z.number({ error: '请填写可预约天数' }).int().min(1, '至少可约 1 天').max(60, '最多可约 60 天'),
    cancelCutoffHours: hours(72, '取消截止小时数'),
  }),
  response: roomDetailSchema,
})

export const putMediatorProfile = defineRoute({
  method: 'PUT',
  path: '/v1/mediators/{id}',
  summary: '调解员修改自己的简介、擅长领域和“品牌”名称',
  action: 'mediators.editProfile',
  params: idParams,
  body: z.strictObject({
    brand: z.string().trim().max(12, '品牌名称最多 12 字').optional(),
    specialties: z
      .array(specialtySchema)
      .max(6)
      .refine((xs) => new Set(xs).size === xs.length, '擅长领域不能重复'),
    intro: z.string({ error: '请填写简介' }).trim().min(5, '简介至少 5 个字').max(300, '简介最多 300 字'),
  }),
  response: mediatorDetailSchema,
})

export const exceptionSchema = z.object({
  id: z.string(),
  date: z.string(),
  kind: z.enum(['closed', 'extra']),
  /** Absent: the whole room (a room closure). */
  mediatorId: z.string().optional(),
  mediatorName: z.string().optional(),
  start: z.string().optional(),
  end: z.string().optional(),
  sessionMinutes: z.number().optional(),
  note: z.string().optional(),
})

export type RoomException = z.infer<typeof exceptionSchema>

const exceptionsQuery = z
  .strictObject({ from: date, to: date })
  .refine((q) => q.from <= q.to, { message: '结束日期不能早于开始日期', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 92 * 86_400_000, { message: '一次最多查询 93 天', path: ['to'] })

export const listExceptions = defineRoute({
  method: 'GET',
  path: '/v1/rooms/{id}/exceptions',
  summary: '说事室在日期范围内的闭馆、请假和加开时段',
  action: 'rooms.read',
  params: idParams,
  query: exceptionsQuery,
  response: z.object({ items: z.array(exceptionSchema) }),
})

export const createException = defineRoute({
  method: 'POST',
  path: '/v1/rooms/{id}/exceptions',
  summary: '调解员为自己请假或加开时段；管理员闭馆（整个说事室）',
  action: 'exceptions.manage',
  status: 201,
  params: idParams,
  body: z
    .strictObject({
      date,
      kind: z.enum(['closed', 'extra'], { error: '类型只能是 closed（不接待）或 extra（加开）' }),
      /** true: the whole room is closed that day (admins only). */
      wholeRoom: z.boolean().default(false),
      start: clock.optional(),
      end: clock.optional(),
      sessionMinutes: z.number().int().min(15, '每场至少 15 分钟').max(240, '每场最多 240 分钟').optional(),
      note: z.string().trim().max(50, '说明最多 50 字').optional(),
    })
    .refine((x) => (x.start === undefined) === (x.end === undefined), { message: '开始和结束时间须同时给出', path: ['end'] })
    .refine((x) => !x.start || !x.end || x.start < x.end, { message: '结束时间必须晚于开始时间', path: ['end'] })
    .refine((x) => x.kind === 'closed' || (x.start && !x.wholeRoom), { message: '加开时段须给出开始和结束时间，且属于调解员本人', path: ['start'] }),
  response: exceptionSchema,
})

export const deleteException = defineRoute({
  method: 'DELETE',
  path: '/v1/rooms/{id}/exceptions/{exceptionId}',
  summary: '撤销一条请假、加开或闭馆',
  action: 'exceptions.manage',
  params: z.strictObject({ id: idSchema, exceptionId: z.string().regex(/^\d{8}-[A-Za-z0-9]{4,16}$/, '编号格式不正确') }),
  response: z.object({ deleted: z.literal(true) }),
})
