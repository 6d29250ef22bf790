import * as z from 'zod'
import { defineRoute, fileAnswer } from '../route'
import { idParams, idSchema, cursorSchema, pageLimit } from '../common'
import { specialtySchema } from './rooms'
import { bookingEventTypes, bookingStatuses, outcomes, performances } from '../../domain/mediation/lifecycle'

const status = z.enum(bookingStatuses, { error: '状态不正确' })
const instant = z.iso.datetime({ offset: true, error: '时间必须是 ISO 格式' })
const reason = z.string({ error: '请填写原因' }).trim().min(2, '原因至少 2 个字').max(200, '原因最多 200 字')
const phone = z.string().regex(/^1\d{10}$/, '请填写 11 位手机号')
const date = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' })
const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(2, `${label}至少 2 个字`)
    .max(max, `${label}最多 ${max} 字`)

/** A written agreement's fields (人民调解法 §29); the parties, mediator and room come from the booking. */
export const agreementInputSchema = z.strictObject({
  facts: text('纠纷的主要事实', 1000),
  disputes: text('争议事项及各方责任', 1000),
  terms: text('协议内容', 2000),
  performance: z.strictObject({ manner: text('履行方式', 200), place: text('履行地点', 100), deadline: date }),
})

export const createBooking = defineRoute({
  method: 'POST',
  path: '/v1/bookings',
  summary: '预约说事（支持 Idempotency-Key 头；同一时段只有一人能约到）',
  action: 'bookings.create',
  idempotent: true,
  status: 201,
  body: z.strictObject({
    roomId: idSchema,
    /** A mediator of the room, or `any`: the first free one at that time. */
    mediatorId: z.union([idSchema, z.literal('any')], { error: '请选择调解员' }),
    start: instant,
    disputeType: specialtySchema,
    summary: z.string({ error: '请简述纠纷' }).trim().min(5, '纠纷简述至少 5 个字').max(300, '纠纷简述最多 300 字'),
    contactPhone: phone.optional(),
    otherParty: z.strictObject({ name: z.string().trim().min(1, '请填写对方称呼').max(20, '对方称呼最多 20 字') }).optional(),
    /** The dispute case a dispatcher referred to mediation (its reporter books for it; the outcome closes it). */
    caseId: idSchema.optional(),
  }),
  response: z.lazy(() => bookingDetailSchema),
})

export const bookingSummarySchema = z.object({
  id: z.string(),
  status,
  roomId: z.string(),
  roomName: z.string(),
  mediatorId: z.string(),
  mediatorName: z.string(),
  start: z.string(),
  end: z.string(),
  disputeType: specialtySchema,
  requesterName: z.string(),
  updatedAt: z.string(),
})
export type BookingSummary = z.infer<typeof bookingSummarySchema>

export const bookingTimelineItemSchema = z.object({
  at: z.string(),
  type: z.enum(['book', 'join', 'remind', ...bookingEventTypes]),
  from: status.optional(),
  to: status.optional(),
  actorName: z.string(),
  note: z.string().optional(),
})

export const bookingDetailSchema = bookingSummarySchema.extend({
  version: z.number(),
  roomAddress: z.string(),
  /** The requester's account of the dispute and phone: for the requester and the mediator only. */
  summary: z.string().optional(),
  contactPhone: z.string().optional(),
  /** The other side as the requester named them, and once they joined, who they are (their phone: theirs and the mediator's to see). */
  otherParty: z.object({ name: z.string() }).optional(),
  respondent: z.object({ name: z.string(), contactPhone: z.string().optional() }).optional(),
  /** The dispute case this session settles, if it came from one. */
  caseId: z.string().optional(),
  /** The code that lets the other side join (for the requester and the mediator, until someone joined). */
  inviteCode: z.string().optional(),
  outcome: z.enum(outcomes).optional(),
  record: z.string().optional(),
  agreement: agreementInputSchema
    .extend({ number: z.string(), confirmations: z.array(z.object({ name: z.string(), at: z.string() })), confirmedByMe: z.boolean() })
    .optional(),
  /** The caller's own rating of the session, once given. */
  myRating: z.number().optional(),
  /** The follow-up visit (回访): when it is due and, once made, what it found. */
  followUp: z.object({ dueOn: z.string(), performance: z.enum(performances).optional(), note: z.string().optional(), at: z.string().optional() }).optional(),
  /** Until when the requester may still cancel or reschedule. */
  changeUntil: z.string(),
  timeline: z.array(bookingTimelineItemSchema),
  allowedEvents: z.array(z.enum(bookingEventTypes)),
})
export type BookingDetail = z.infer<typeof bookingDetailSchema>

export const joinBooking = defineRoute({
  method: 'POST',
  path: '/v1/bookings/join',
  summary: '对方当事人凭邀请码加入预约（一个预约只能有一位对方当事人）',
  action: 'bookings.join',
  body: z.strictObject({
    code: z
      .string({ error: '请填写邀请码' })
      .trim()
      .regex(/^[A-Z0-9]{8}$/, '邀请码为 8 位字母或数字'),
    contactPhone: phone.optional(),
  }),
  response: bookingDetailSchema,
})

export const bookingViews = ['mine', 'mediator'] as const

export const listBookings = defineRoute({
  method: 'GET',
  path: '/v1/bookings',
  summary: '我的预约（mine），或调解员本人的预约（mediator）：待进行的由近及远，已过去的由近及远，分页',
  action: 'bookings.list',
  query: z.strictObject({
    view: z.enum(bookingViews, { error: '视角只能是 mine 或 mediator' }),
    when: z.enum(['upcoming', 'past'], { error: 'when 只能是 upcoming 或 past' }).default('upcoming'),
    cursor: cursorSchema.optional(),
    limit: pageLimit,
  }),
  response: z.object({ items: z.array(bookingSummarySchema), nextCursor: z.string().optional() }),
})

export const getBooking = defineRoute({
  method: 'GET',
  path: '/v1/bookings/{id}',
  summary: '预约详情、时间线，以及当前用户此刻可执行的操作',
  action: 'bookings.read',
  params: idParams,
  response: bookingDetailSchema,
})

const version = z.number({ error: '版本号必须是数字' }).int().min(1).optional()

export const bookingEventSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('confirm'), version }),
    z.strictObject({ type: z.literal('decline'), reason, version }),
    z.strictObject({ type: z.literal('cancel'), reason, version }),
    z.strictObject({ type: z.literal('refuse'), reason, version }),
    z.strictObject({ type: z.literal('reschedule'), start: instant, mediatorId: idSchema.optional(), version }),
    z.strictObject({ type: z.literal('check_in'), version }),
    z
      .strictObject({
        type: z.literal('complete'),
        outcome: z.enum(outcomes, { error: '请选择调解结果' }),
        record: z.string({ error: '请填写调解记录' }).trim().min(5, '调解记录至少 5 个字').max(2000, '调解记录最多 2000 字'),
        agreement: agreementInputSchema.optional(),
        /** The follow-up visit's date; by default a week after the session, or after a written agreement's deadline. */
        followUpOn: date.optional(),
        version,
      })
      .refine((e) => (e.outcome === 'agreement_written') === Boolean(e.agreement), {
        message: '书面协议须填写协议内容；其他结果不附协议',
        path: ['agreement'],
      }),
    z.strictObject({ type: z.literal('no_show'), version }),
    z.strictObject({ type: z.literal('confirm_agreement'), version }),
    z.strictObject({
      type: z.literal('rate'),
      rating: z.number({ error: '请评分' }).int('评分必须是整数').min(1, '评分为 1–5 分').max(5, '评分为 1–5 分'),
      comment: z.string().trim().max(200, '评价最多 200 字').optional(),
      version,
    }),
    z.strictObject({
      type: z.literal('follow_up'),
      performance: z.enum(performances, { error: '请选择履行情况' }),
      note: z.string({ error: '请填写回访情况' }).trim().min(2, '回访情况至少 2 个字').max(500, '回访情况最多 500 字'),
      version,
    }),
  ],
  { error: '未知的操作类型' },
)
export type BookingEvent = z.infer<typeof bookingEventSchema>

export const fireBookingEvent = defineRoute({
  method: 'POST',
  path: '/v1/bookings/{id}/events',
  summary: '预约流转：确认、婉拒、取消、改期、签到、记录结果',
  action: 'bookings.fireEvent',
  params: idParams,
  body: bookingEventSchema,
  response: bookingDetailSchema,
})

export const bookingCalendar = defineRoute({
  method: 'GET',
  path: '/v1/bookings/{id}/calendar.ics',
  summary: '预约的日历文件（iCalendar；改期后 UID 不变、SEQUENCE 递增，提前 1 天和 1 小时提醒）',
  action: 'bookings.read',
  params: idParams,
  produces: 'text/calendar',
  response: fileAnswer,
})

export const agreementPdf = defineRoute({
  method: 'GET',
  path: '/v1/bookings/{id}/agreement.pdf',
  summary: '人民调解协议书（PDF，双方当事人和调解员可下载）',
  action: 'bookings.read',
  params: idParams,
  produces: 'application/pdf',
  response: fileAnswer,
})
