import { z } from 'zod'
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
  minNoticeHours: z.number(),
  horizonDays: z.number(),
  cancelCutoffHours: z.number(),
  mediators: z.array(mediatorSummarySchema),
})
export type RoomDetail = z.infer<typeof roomDetailSchema>

export const listRooms = defineRoute({
  method: 'GET',
  path: '/v1/rooms',
  summary: '本辖区的说事室，给出位置时由近及远，可按纠纷类型筛选',
  action: 'rooms.read',
  query: z.strictObject({ lat: latitude.optional(), lng: longitude.optional(), specialty: specialtySchema.optional() }).refine((q) => (q.lat === undefined) === (q.lng === undefined), { message: '经纬度须同时给出', path: ['lng'] }),
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

export const slotSchema = z.object({ start: z.string(), end: z.string(), date: z.string(), time: z.string(), mediatorId: z.string(), mediatorName: z.string(), taken: z.boolean() })
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
