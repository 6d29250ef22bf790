import * as z from 'zod'
import { defineRoute } from '../route'
import { idParams, idSchema, latitude, longitude, pointQuery, cursorSchema, pageLimit } from '../common'
import { photoKeysSchema } from '../uploads/uploads'
import { caseEventTypes, caseStatuses, caseTimelineTypes } from '../../domain/case/lifecycle'
import { clockStages, priorities } from '../../domain/case/sla'

const status = z.enum(caseStatuses, { error: '状态不正确' })
const reason = z.string({ error: '请填写原因' }).trim().min(2, '原因至少 2 个字').max(200, '原因最多 200 字')

/**
 * Where the problem is: a point (from the phone, or the pin the user moved), or — for a user who refused the
 * location — the grid they pick and an address they type.
 */
export const caseLocationSchema = z
  .strictObject({
    lat: latitude.optional(),
    lng: longitude.optional(),
    gridId: idSchema.optional(),
    address: z.string().trim().max(100, '地址最多 100 字').optional(),
  })
  .superRefine((l, ctx) => {
    const point = l.lat !== undefined || l.lng !== undefined
    if (point && (l.lat === undefined || l.lng === undefined))
      ctx.addIssue({ code: 'custom', path: [l.lat === undefined ? 'lat' : 'lng'], message: '请同时提供纬度和经度' })
    else if (point && l.gridId) ctx.addIssue({ code: 'custom', path: ['gridId'], message: '已定位时由位置确定网格，无需选择' })
    else if (!point && !l.gridId) ctx.addIssue({ code: 'custom', path: [], message: '请获取位置，或选择所在网格并填写地址' })
    else if (!point && !l.address) ctx.addIssue({ code: 'custom', path: ['address'], message: '未定位时请填写详细地址' })
  })

export const submitCase = defineRoute({
  method: 'POST',
  path: '/v1/cases',
  summary: '上报问题（支持 Idempotency-Key 头，同一键同一内容只生成一件）',
  action: 'cases.submit',
  idempotent: true,
  status: 201,
  body: z.strictObject({
    categoryId: idSchema,
    description: z.string({ error: '请描述问题' }).trim().min(5, '问题描述至少 5 个字').max(500, '问题描述最多 500 字'),
    location: caseLocationSchema,
    photoKeys: photoKeysSchema.default([]),
    anonymous: z.boolean().default(false),
    contactPhone: z
      .string()
      .regex(/^1\d{10}$/, '请填写 11 位手机号')
      .optional(),
    /** A gridworker who fixed it on the spot reports it already resolved. */
    onTheSpot: z
      .strictObject({ result: z.string().trim().min(2, '处置结果至少 2 个字').max(500, '处置结果最多 500 字'), photoKeys: photoKeysSchema.default([]) })
      .optional(),
  }),
  response: z.lazy(() => caseDetailSchema),
})

export const caseSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  status,
  categoryId: z.string(),
  categoryName: z.string(),
  priority: z.enum(priorities),
  /** Absent in a stranger's view ({@link caseSummarySchema} `public`), like the address. */
  description: z.string().optional(),
  address: z.string().optional(),
  gridId: z.string(),
  gridName: z.string(),
  flagged: z.boolean(),
  overdue: z.boolean(),
  /** The SLA clock's mark on the running stage: 黄牌 (warn, past 80 %) or 红牌 (overdue). */
  mark: z.enum(['warn', 'overdue']).optional(),
  /** 督办: the district's dispatcher supervises the case. */
  supervised: z.boolean().optional(),
  resolveBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /**
   * The view of a stranger to the case (a follower, a neighbour through nearby): category, status, grid, times and
   * the follower count only — never the reporter's words, address, photos, phone, name or anyone's notes.
   */
  public: z.boolean().optional(),
})
export type CaseSummary = z.infer<typeof caseSummarySchema>

const photo = z.object({ key: z.string(), url: z.string() })

export const timelineItemSchema = z.object({
  at: z.string(),
  type: z.enum(caseTimelineTypes),
  /** The states the event moved the case between (absent for the first submit and for follows). */
  from: status.optional(),
  to: status.optional(),
  actorName: z.string(),
  note: z.string().optional(),
  rating: z.number().optional(),
  photos: z.array(photo),
  /** The deadline the event set, or the one the clock warned of or found missed. */
  deadline: z.string().optional(),
})

export const caseDetailSchema = caseSummarySchema.extend({
  /** No point when the reporter picked the grid and typed the address instead. */
  location: z.object({ lat: z.number().optional(), lng: z.number().optional(), address: z.string().optional() }),
  photos: z.array(photo),
  reporterName: z.string().optional(),
  contactPhone: z.string().optional(),
  departmentId: z.string(),
  departmentName: z.string(),
  assignees: z.array(z.object({ id: z.string(), name: z.string() })),
  levelNodeId: z.string(),
  deadlines: z.object({ acceptBy: z.string(), dispatchBy: z.string(), resolveBy: z.string() }),
  /** The stage the SLA clock times now (none once handling is over), its deadline and mark. */
  clock: z.object({ stage: z.enum(clockStages), startedAt: z.string(), deadline: z.string(), mark: z.enum(['warn', 'overdue']).optional() }).optional(),
  /** An extension asked for and not yet answered (staff only). */
  extension: z.object({ until: z.string(), reason: z.string(), byName: z.string(), at: z.string() }).optional(),
  extensionCount: z.number(),
  supervision: z.object({ note: z.string(), byName: z.string(), at: z.string() }).optional(),
  /** 联办: each co-department's task inside the case; the lead resolves once every task is done. */
  tasks: z.array(
    z.object({
      departmentId: z.string(),
      departmentName: z.string(),
      status: z.enum(['open', 'started', 'done']),
      assignees: z.array(z.object({ id: z.string(), name: z.string() })),
      note: z.string().optional(),
      photos: z.array(photo),
      doneAt: z.string().optional(),
    }),
  ),
  rating: z.number().optional(),
  reopenCount: z.number(),
  version: z.number(),
  following: z.boolean(),
  /** How many other residents said “me too”. */
  followerCount: z.number(),
  timeline: z.array(timelineItemSchema),
  allowedEvents: z.array(z.enum(caseEventTypes)),
  /** A dispute referred to mediation: whether the caller (its reporter) may book a session for it. */
  referral: z.object({ bookable: z.boolean() }).optional(),
})
export type CaseDetail = z.infer<typeof caseDetailSchema>

/** `warned`: 超时预警, a dispatcher level's cases the clock marked (黄牌, 红牌), most urgent first. */
export const caseViews = ['mine', 'queue', 'warned', 'assigned', 'grid'] as const

export const listCases = defineRoute({
  method: 'GET',
  path: '/v1/cases',
  summary: '按视角列出事件（我的、受理队列、超时预警、我的工单、本网格），分页',
  action: 'cases.list',
  query: z.strictObject({
    view: z.enum(caseViews, { error: '视角只能是 mine、queue、warned、assigned 或 grid' }),
    status: status.optional(),
    scopeId: idSchema.optional(),
    cursor: cursorSchema.optional(),
    limit: pageLimit,
  }),
  response: z.object({ items: z.array(caseSummarySchema), nextCursor: z.string().optional() }),
})

export const getCase = defineRoute({
  method: 'GET',
  path: '/v1/cases/{id}',
  summary: '事件详情、完整时间线，以及当前用户此刻可执行的操作',
  action: 'cases.read',
  params: idParams,
  response: caseDetailSchema,
})

const version = z.number({ error: '版本号必须是数字' }).int().min(1).optional()

export const caseEventSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('accept'), version }),
    z.strictObject({ type: z.literal('reject'), reason, version }),
    z.strictObject({ type: z.literal('withdraw'), reason: reason.optional(), version }),
    z
      .strictObject({
        type: z.literal('dispatch'),
        departmentId: idSchema,
        officialIds: z
          .array(idSchema)
          .max(5, '最多指派 5 人')
          .refine((ids) => new Set(ids).size === ids.length, '同一人员不能重复指派')
          .optional(),
        deadline: z.iso.datetime({ error: '处置期限必须是 ISO 时间' }).optional(),
        /** 联办: up to 4 co-departments, each with its own task inside the case. */
        coDepartmentIds: z
          .array(idSchema)
          .max(4, '最多 4 个联办部门')
          .refine((ids) => new Set(ids).size === ids.length, '联办部门不能重复')
          .optional(),
        version,
      })
      .refine((e) => !e.coDepartmentIds?.includes(e.departmentId), { path: ['coDepartmentIds'], message: '联办部门不能是主办部门' }),
    z.strictObject({ type: z.literal('start'), version }),
    z.strictObject({ type: z.literal('return'), reason, version }),
    z.strictObject({
      type: z.literal('resolve'),
      result: z.string({ error: '请填写处置结果' }).trim().min(2, '处置结果至少 2 个字').max(500, '处置结果最多 500 字'),
      photoKeys: photoKeysSchema.default([]),
      version,
    }),
    z.strictObject({
      type: z.literal('confirm'),
      rating: z.number({ error: '请评分' }).int('评分必须是整数').min(1, '评分为 1–5 分').max(5, '评分为 1–5 分'),
      comment: z.string().trim().max(200, '评价最多 200 字').optional(),
      version,
    }),
    z.strictObject({ type: z.literal('reopen'), reason, version }),
    z.strictObject({ type: z.literal('escalate'), reason, version }),
    z.strictObject({ type: z.literal('refer'), reason, version }),
    // 举报: what is wrong with what the case shows (泄露隐私、不实信息、广告…), read by the dispatcher only.
    z.strictObject({ type: z.literal('report'), reason, version }),
    z.strictObject({ type: z.literal('clear_flag'), version }),
    // 延期申请: the assigned official asks for a later resolve deadline; a dispatcher approves or declines it.
    z.strictObject({ type: z.literal('request_extension'), reason, until: z.iso.datetime({ error: '延期期限必须是 ISO 时间' }), version }),
    z.strictObject({ type: z.literal('approve_extension'), version }),
    z.strictObject({ type: z.literal('decline_extension'), reason, version }),
    // 联办: a co-department's official starts and finishes their department's task.
    z.strictObject({ type: z.literal('start_task'), departmentId: idSchema, version }),
    z.strictObject({
      type: z.literal('finish_task'),
      departmentId: idSchema,
      note: z.string({ error: '请填写办理情况' }).trim().min(2, '办理情况至少 2 个字').max(500, '办理情况最多 500 字'),
      photoKeys: photoKeysSchema.default([]),
      version,
    }),
    z.strictObject({
      type: z.literal('supervise'),
      note: z.string({ error: '请填写督办意见' }).trim().min(2, '督办意见至少 2 个字').max(200, '督办意见最多 200 字'),
      version,
    }),
  ],
  { error: '未知的操作类型' },
)
export type CaseEvent = z.infer<typeof caseEventSchema>

export const fireCaseEvent = defineRoute({
  method: 'POST',
  path: '/v1/cases/{id}/events',
  summary: '执行事件流转：受理、派单、处置、评价等',
  action: 'cases.fireEvent',
  params: idParams,
  body: caseEventSchema,
  response: caseDetailSchema,
})

export const publicCase = defineRoute({
  method: 'GET',
  path: '/v1/cases/{id}/public',
  summary: '事件的公开视图（分享卡片打开的页面）：分类、状态、网格、时间和关注人数，不含描述、地址、照片和个人信息',
  action: 'cases.readPublic',
  params: idParams,
  response: caseSummarySchema.extend({ followerCount: z.number() }),
})

export const nearbyCases = defineRoute({
  method: 'GET',
  path: '/v1/cases/nearby',
  summary: '附近约 300 米内同类未办结事件（上报前提示“我也遇到”）',
  action: 'cases.nearby',
  query: pointQuery.extend({ categoryId: idSchema }),
  response: z.object({
    items: z.array(
      caseSummarySchema.extend({
        distanceMeters: z.number().describe('到事件公开位置（约 100 米精度）的距离，向上取整到 100 米'),
        followerCount: z.number(),
      }),
    ),
  }),
})

export const followCase = defineRoute({
  method: 'POST',
  path: '/v1/cases/{id}/follow',
  summary: '“我也遇到”：关注该事件并接收进展通知，而不重复上报',
  action: 'cases.follow',
  params: idParams,
  response: caseDetailSchema,
})

export const unfollowCase = defineRoute({
  method: 'DELETE',
  path: '/v1/cases/{id}/follow',
  summary: '取消关注该事件',
  action: 'cases.follow',
  params: idParams,
  response: z.object({ following: z.literal(false) }),
})

export const noticeSchema = z.object({
  id: z.string(),
  recipientName: z.string(),
  templateKey: z.string(),
  event: z.string(),
  state: z.enum(['sending', 'sent', 'failed', 'dead', 'no_consent']),
  attempts: z.number(),
  lastErrcode: z.number().optional(),
  lastError: z.string().optional(),
  createdAt: z.string(),
  sentAt: z.string().optional(),
})
export type Notice = z.infer<typeof noticeSchema>

export const caseNotices = defineRoute({
  method: 'GET',
  path: '/v1/cases/{id}/notices',
  summary: '该事件各条订阅消息的投递状态（工作人员）',
  action: 'cases.notices',
  params: idParams,
  response: z.object({ items: z.array(noticeSchema) }),
})
