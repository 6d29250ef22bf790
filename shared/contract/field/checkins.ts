/**
 * Field work: a gridworker's check-ins (patrol point, household visit, duty) and patrols, whose check-ins draw a
 * route. The server decides with the same geofence the phone shows (shared/domain/field/geofence.ts).
 */
import * as z from 'zod'
import { defineRoute } from '../route'
import { idParams, idSchema, latitude, longitude, cursorSchema, pageLimit } from '../common'
import { photoKeysSchema } from '../uploads/uploads'

export const checkinKinds = ['patrol', 'visit', 'duty'] as const
export type CheckinKind = (typeof checkinKinds)[number]
export const checkinKindLabels: Record<CheckinKind, string> = { patrol: '巡查', visit: '走访', duty: '值守' }

/** A check-in captured offline may be sent this long after it was taken; older ones are refused. */
export const MAX_CHECKIN_DELAY_HOURS = 72
/** A patrol draws at most this many points. */
export const MAX_PATROL_POINTS = 200

const instant = z.iso.datetime({ offset: true, error: '时间格式应为 ISO 8601' })

export const fixSchema = z.strictObject({
  lat: latitude,
  lng: longitude,
  accuracy: z.number({ error: '请提供定位精度' }).min(0, '定位精度不能为负').max(100_000, '定位精度超出范围'),
})

export const checkinSchema = z.object({
  id: z.string(),
  kind: z.enum(checkinKinds),
  gridId: z.string(),
  gridName: z.string(),
  userId: z.string(),
  userName: z.string(),
  lat: z.number(),
  lng: z.number(),
  accuracy: z.number(),
  /** How far outside the boundary the point lay (0 inside): within the tolerance for GPS error. */
  metersOutside: z.number(),
  note: z.string(),
  photos: z.array(z.object({ key: z.string(), url: z.string() })),
  patrolId: z.string().optional(),
  householdId: z.string().optional(),
  /** When the phone took it; `at` is when the server recorded it, the record's time. */
  capturedAt: z.string(),
  at: z.string(),
  /** Sent well after it was taken (queued offline). */
  late: z.boolean(),
})
export type CheckinView = z.infer<typeof checkinSchema>

export const createCheckin = defineRoute({
  method: 'POST',
  path: '/v1/checkins',
  summary: '网格员打卡（巡查、走访、值守）：位置须在本人网格内（允许 50 米误差，精度差于 200 米不收）；离线补传带拍摄时间，记为补卡（支持 Idempotency-Key 头）',
  action: 'checkins.create',
  idempotent: true,
  status: 201,
  body: z
    .strictObject({
      kind: z.enum(checkinKinds, { error: '打卡类型只能是 patrol、visit 或 duty' }),
      location: fixSchema,
      patrolId: idSchema.optional(),
      householdId: idSchema.optional(),
      note: z.string({ error: '备注须为文字' }).trim().max(500, '备注最多 500 字').default(''),
      photoKeys: photoKeysSchema.default([]),
      capturedAt: instant.optional(),
    })
    .refine((b) => (b.kind === 'patrol') === (b.patrolId !== undefined), { message: '巡查打卡须属于一次巡查，其他打卡不能带巡查编号', path: ['patrolId'] })
    .refine((b) => (b.kind === 'visit') === (b.householdId !== undefined), { message: '走访打卡须选择住户，其他打卡不能带住户', path: ['householdId'] }),
  response: checkinSchema,
})

export const listCheckins = defineRoute({
  method: 'GET',
  path: '/v1/checkins',
  summary: '打卡记录，新的在前，分页：网格员看本人的，网格长看本网格的（可按人筛选）',
  action: 'checkins.list',
  query: z
    .strictObject({
      gridId: idSchema.optional(),
      userId: idSchema.optional(),
      from: instant.optional(),
      to: instant.optional(),
      cursor: cursorSchema.optional(),
      limit: pageLimit,
    })
    .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '结束时间不能早于开始时间', path: ['to'] }),
  response: z.object({ items: z.array(checkinSchema), nextCursor: z.string().optional() }),
})

export const patrolSchema = z.object({
  id: z.string(),
  gridId: z.string(),
  gridName: z.string(),
  userId: z.string(),
  userName: z.string(),
  startedAt: z.string(),
  endedAt: z.string().optional(),
  /** How many check-ins it holds. */
  pointCount: z.number(),
  /** Its check-ins in the order they were taken, its route (in GET only). */
  points: z.array(checkinSchema).optional(),
  /** The grid's boundary, to draw the route on. */
  boundary: z.unknown().optional(),
})
export type PatrolView = z.infer<typeof patrolSchema>

const patrolMoment = z.strictObject({ capturedAt: instant.optional() })

export const startPatrol = defineRoute({
  method: 'PUT',
  path: '/v1/patrols/{id}',
  summary: '开始一次巡查（编号由手机生成，离线时也能开始；重复提交同一编号不会重复开始）',
  action: 'patrols.manage',
  params: idParams,
  body: patrolMoment.extend({ gridId: idSchema.optional() }),
  response: patrolSchema,
})

export const endPatrol = defineRoute({
  method: 'POST',
  path: '/v1/patrols/{id}/end',
  summary: '结束巡查',
  action: 'patrols.manage',
  params: idParams,
  body: patrolMoment,
  response: patrolSchema,
})

export const getPatrol = defineRoute({
  method: 'GET',
  path: '/v1/patrols/{id}',
  summary: '一次巡查及其轨迹（按拍摄时间排列的打卡点）：巡查人本人和本网格的网格长可看',
  action: 'patrols.read',
  params: idParams,
  response: patrolSchema,
})
