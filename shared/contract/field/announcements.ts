/**
 * Notices of a grid (通知公告): a gridworker publishes one to the grid (the linked residents hear of it by a subscribe
 * message where they consented) and shares it as a card to the households' WeChat groups; reads and acknowledgements
 * are recorded per resident and per group, and compared with the roster. Residents link to their household first.
 */
import * as z from 'zod'
import { defineRoute } from '../route'
import { cursorSchema, idParams, idSchema, pageLimit } from '../common'
import { photoKeysSchema } from '../uploads/uploads'
import { householdFields } from './households'

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, min > 1 ? `${label}至少 ${min} 个字` : `请填写${label}`)
    .max(max, `${label}最多 ${max} 字`)

export const announcementSchema = z.object({
  id: z.string(),
  gridId: z.string(),
  gridName: z.string(),
  title: z.string(),
  body: z.string(),
  images: z.array(z.object({ key: z.string(), url: z.string() })),
  /** 请回复已知晓: the reader is asked to acknowledge. */
  ackRequired: z.boolean(),
  authorName: z.string(),
  publishedAt: z.string(),
  /** The caller's own read and acknowledgement (absent: not yet). */
  readAt: z.string().optional(),
  ackAt: z.string().optional(),
})
export type AnnouncementView = z.infer<typeof announcementSchema>

export const createAnnouncement = defineRoute({
  method: 'POST',
  path: '/v1/announcements',
  summary: '发布通知公告（本网格的网格员、网格长）：文字和图片经微信内容安全检测，发布后告知已绑定住户的居民',
  action: 'announcements.publish',
  idempotent: true,
  status: 201,
  body: z.strictObject({
    gridId: idSchema,
    title: text('标题', 2, 30),
    body: text('正文', 5, 1000),
    imageKeys: photoKeysSchema.default([]),
    ackRequired: z.boolean({ error: 'ackRequired 必须是 true 或 false' }).default(false),
  }),
  response: announcementSchema,
})

export const listAnnouncements = defineRoute({
  method: 'GET',
  path: '/v1/announcements',
  summary: '一个网格的通知公告，新的在前，分页；带上自己是否已读、已确认',
  action: 'announcements.browse',
  query: z.strictObject({ gridId: idSchema, cursor: cursorSchema.optional(), limit: pageLimit }),
  response: z.object({ items: z.array(announcementSchema), nextCursor: z.string().optional() }),
})

export const getAnnouncement = defineRoute({
  method: 'GET',
  path: '/v1/announcements/{id}',
  summary: '一条通知公告',
  action: 'announcements.browse',
  params: idParams,
  response: announcementSchema,
})

const base64 = (label: string, max: number) =>
  z
    .string({ error: `缺少${label}` })
    .min(1, `缺少${label}`)
    .max(max, `${label}过长`)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, `${label}不是有效的 base64`)

/** How the reader opened it: in the app, or from a share card in a WeChat group (scene 1044). */
export const readBody = z.discriminatedUnion(
  'channel',
  [
    z.strictObject({ channel: z.literal('app') }),
    z.strictObject({
      channel: z.literal('group'),
      scene: z.literal(1044, { error: '只有从群聊中的卡片打开（场景值 1044）才能记录群阅读' }),
      /** A wx.login code taken just now: the server exchanges it for the session_key that decrypts the group data. */
      code: z.string({ error: '缺少登录凭证 code' }).min(1, '缺少登录凭证 code').max(128, '登录凭证 code 过长'),
      encryptedData: base64('群信息 encryptedData', 4096),
      iv: base64('初始向量 iv', 64),
      /** The grid's own gridworker binds the group to the grid (the first time only). */
      bind: z.boolean({ error: 'bind 必须是 true 或 false' }).default(false),
    }),
  ],
  { error: 'channel 只能是 app 或 group' },
)

export const readAnnouncement = defineRoute({
  method: 'POST',
  path: '/v1/announcements/{id}/reads',
  summary: '记录阅读：在小程序内打开，或从微信群的卡片打开（服务端用新的 session_key 解密 wx.getGroupEnterInfo 的数据，记下群）',
  action: 'announcements.read',
  params: idParams,
  body: readBody,
  response: z.object({
    readAt: z.string(),
    ackAt: z.string().optional(),
    /** The group it was opened from: its opengid (for WeChat's open-data group name) and whether it is bound to this grid. */
    group: z.object({ opengid: z.string(), binding: z.enum(['this_grid', 'other_grid', 'none']), mayBind: z.boolean() }).optional(),
  }),
})

export const ackAnnouncement = defineRoute({
  method: 'POST',
  path: '/v1/announcements/{id}/ack',
  summary: '回复已知晓',
  action: 'announcements.read',
  params: idParams,
  response: z.object({ readAt: z.string(), ackAt: z.string() }),
})

export const householdReadState = z.enum(['acknowledged', 'read', 'unread', 'unlinked'])

export const announcementStats = defineRoute({
  method: 'GET',
  path: '/v1/announcements/{id}/stats',
  summary: '阅读情况（本网格的网格员、网格长）：已读、已确认的人数，每个群的阅读人数，以及按台账逐户的状态（分页）',
  action: 'announcements.stats',
  params: idParams,
  query: z.strictObject({ cursor: cursorSchema.optional(), limit: pageLimit }),
  response: z.object({
    reads: z.number(),
    acks: z.number(),
    groups: z.array(z.object({ opengid: z.string(), reads: z.number(), bound: z.boolean() })),
    /** One page of the grid's roster, each household with how its linked residents stand to the notice. */
    households: z.array(z.object({ id: z.string(), address: z.string(), headName: z.string(), linked: z.number(), state: householdReadState })),
    nextCursor: z.string().optional(),
  }),
})

const door = { building: householdFields.building, unit: householdFields.unit, room: householdFields.room }

export const householdLinkSchema = z.object({
  id: z.string(),
  gridId: z.string(),
  gridName: z.string(),
  userName: z.string(),
  /** The door the resident gave (masked for anyone but the grid's staff and the resident). */
  address: z.string(),
  status: z.enum(['pending', 'linked']),
  requestedAt: z.string(),
  decidedAt: z.string().optional(),
})
export type HouseholdLinkView = z.infer<typeof householdLinkSchema>

export const createHouseholdLink = defineRoute({
  method: 'POST',
  path: '/v1/household-links',
  summary: '居民申请绑定自己的住户（填写网格和门牌，网格员核对台账后通过）；再次申请替换尚未通过的申请',
  action: 'households.link',
  status: 201,
  body: z.strictObject({ gridId: idSchema, ...door }),
  response: householdLinkSchema,
})

export const listHouseholdLinks = defineRoute({
  method: 'GET',
  path: '/v1/household-links',
  summary: '住户绑定：不带 gridId 是自己的绑定；带 gridId 是该网格待审核（status=pending）或已绑定的居民（本网格的网格员、网格长）',
  action: 'households.link',
  query: z.strictObject({
    gridId: idSchema.optional(),
    status: z.enum(['pending', 'linked'], { error: 'status 只能是 pending 或 linked' }).default('pending'),
    cursor: cursorSchema.optional(),
    limit: pageLimit,
  }),
  response: z.object({ items: z.array(householdLinkSchema), nextCursor: z.string().optional() }),
})

export const decideHouseholdLink = defineRoute({
  method: 'POST',
  path: '/v1/household-links/{id}/decision',
  summary: '网格员审核住户绑定申请：通过（门牌须在台账中）或拒绝',
  action: 'households.manage',
  params: idParams,
  body: z.strictObject({ approve: z.boolean({ error: 'approve 必须是 true 或 false' }) }),
  response: z.object({ id: z.string(), status: z.enum(['linked', 'declined']) }),
})
