/**
 * Open311 GeoReport v2 (DESIGN.md §3, Interop): the district's taxonomy as services and the public face of its cases
 * as service requests, for outside clients (the city's hotline platform, FixMyStreet, Mark-a-Spot). Each resource
 * answers in JSON or XML by its path's extension (`services.xml`), with the spec's field names and its error bodies
 * (`[{code, description}]`); `jurisdiction_id` names the district (the deployment's own when absent).
 * The finer statuses (mySociety's extension, in `status_notes` and `extended_attributes`) map from ours: see
 * shared/domain/interop/open311-status.ts.
 */
import * as z from 'zod'
import { defineRoute } from '../route'
import { idSchema } from '../common'

/** A partner's api_key: `<district>.<partner>.<secret>` (functions/src/adapters/ids.ts). */
const apiKey = z
  .string({ error: '缺少 api_key' })
  .min(1, '缺少 api_key')
  .max(200, 'api_key 不正确')
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'api_key 不正确')

/** The formats every resource answers in, by its path's extension. */
export const open311Formats = ['json', 'xml'] as const
const format = z.enum(open311Formats, { error: '格式只能是 json 或 xml' })
const jurisdiction = idSchema.optional()
const jurisdictionQuery = z.strictObject({ jurisdiction_id: jurisdiction })
/** The params of a resource named by its path alone (`services.json`). */
const formatOnly = z.strictObject({ format })
/** The params of one request's resource (`requests/{id}.json`). */
const oneRequest = z.strictObject({ service_request_id: idSchema, format })
/** A datetime with its timezone (the spec's W3C format): China time's +08:00. */
const datetime = z.string()

export const open311Discovery = defineRoute({
  method: 'GET',
  path: '/open311/v2/discovery.{format}',
  summary: 'Open311 GeoReport v2 服务发现：规范版本、地址、格式与联系方式',
  action: 'open311.read',
  params: formatOnly,
  response: z.object({
    changeset: datetime,
    contact: z.string(),
    key_service: z.string(),
    endpoints: z.array(z.object({ specification: z.string(), url: z.string(), changeset: datetime, type: z.string(), formats: z.array(z.string()) })),
  }),
  open311: { root: 'discovery' },
})

export const open311ServiceSchema = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
})

export const open311Services = defineRoute({
  method: 'GET',
  path: '/open311/v2/services.{format}',
  summary: 'Open311 服务列表：辖区的问题小类（service_code），大类为 group',
  action: 'open311.read',
  params: formatOnly,
  query: jurisdictionQuery,
  response: z.array(open311ServiceSchema),
  open311: { root: 'services', item: 'service' },
})

export const open311ServiceDefinition = defineRoute({
  method: 'GET',
  path: '/open311/v2/services/{service_code}.{format}',
  summary: 'Open311 服务定义：一个小类上报时要填的附加属性',
  action: 'open311.read',
  params: z.strictObject({ service_code: idSchema, format }),
  query: jurisdictionQuery,
  response: z.object({
    service_code: z.string(),
    attributes: z.array(
      z.object({
        variable: z.boolean(),
        code: z.string(),
        datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
        required: z.boolean(),
        datatype_description: z.string(),
        order: z.number(),
        description: z.string(),
        values: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
      }),
    ),
  }),
  open311: { root: 'service_definition' },
})

export const open311Statuses = ['open', 'closed'] as const

export const open311RequestSchema = z.object({
  service_request_id: z.string(),
  status: z.enum(open311Statuses),
  status_notes: z.string(),
  service_name: z.string(),
  service_code: z.string(),
  agency_responsible: z.string(),
  requested_datetime: datetime,
  updated_datetime: datetime,
  expected_datetime: datetime.optional(),
  address: z.string(),
  lat: z.number().optional(),
  long: z.number().optional(),
  /** mySociety's finer status (FixMyStreet reads it): see open311-status.ts. */
  extended_attributes: z.object({ external_status_code: z.string() }).optional(),
})
export type Open311Request = z.infer<typeof open311RequestSchema>

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, '时间格式应为 W3C 日期时间，如 2026-12-01T08:00:00+08:00')

/** The spec's default span and limit of a search, and the page extension's largest page. */
export const OPEN311_DEFAULT_DAYS = 90
/** A search's span: requested (or updated) from, until. */
const span = { start_date: day.optional(), end_date: day.optional() }
export const OPEN311_MAX_REQUESTS = 1000

export const open311Requests = defineRoute({
  method: 'GET',
  path: '/open311/v2/requests.{format}',
  summary: `Open311 事件列表（公开视图）：按编号、小类、时间、状态查询，默认最近 ${OPEN311_DEFAULT_DAYS} 天、最多 ${OPEN311_MAX_REQUESTS} 件；支持 page/page_size`,
  action: 'open311.read',
  params: formatOnly,
  query: z.strictObject({
    jurisdiction_id: jurisdiction,
    service_request_id: z
      .string()
      .regex(/^[A-Za-z0-9_-]+(,[A-Za-z0-9_-]+)*$/, '编号以逗号分隔')
      .refine((s) => s.split(',').length <= 50, '一次最多查询 50 个编号')
      .optional(),
    service_code: z
      .string()
      .regex(/^[A-Za-z0-9_-]+(,[A-Za-z0-9_-]+)*$/, '小类编码以逗号分隔')
      .optional(),
    ...span,
    status: z
      .string()
      .regex(/^(open|closed)(,(open|closed))?$/, '状态只能是 open 或 closed')
      .optional(),
    page: z.coerce.number({ error: '页码必须是数字' }).int().min(1, '页码从 1 开始').max(1000, '页码过大').default(1),
    page_size: z.coerce
      .number({ error: '每页条数必须是数字' })
      .int()
      .min(1, '每页至少 1 条')
      .max(OPEN311_MAX_REQUESTS, `每页最多 ${OPEN311_MAX_REQUESTS} 条`)
      .default(100),
  }),
  response: z.array(open311RequestSchema),
  open311: { root: 'service_requests', item: 'request' },
})

export const open311Request = defineRoute({
  method: 'GET',
  path: '/open311/v2/requests/{service_request_id}.{format}',
  summary: 'Open311 单个事件（公开视图）',
  action: 'open311.read',
  params: oneRequest,
  query: jurisdictionQuery,
  response: z.array(open311RequestSchema),
  open311: { root: 'service_requests', item: 'request' },
})

/** What a partner's report may carry (GeoReport v2's fields; a location by lat and long is required here). */
const text = (max: number, label: string) => z.string().max(max, `${label}最多 ${max} 个字符`)
/** HTML in a partner's text is refused, never stored to be shown. */
const noMarkup = (s: string) => !/<[a-z!/?][^>]*>/i.test(s)
export const OPEN311_DESCRIPTION_MAX = 4000
/** What a partner may say of its own user and a picture (GeoReport v2's fields): checked, and not kept. */
const partnerUser = {
  email: z.email({ error: '邮箱格式不正确' }).max(200, '邮箱最多 200 个字符').optional(),
  first_name: text(50, '名').optional(),
  last_name: text(50, '姓').optional(),
  account_id: text(200, '账户编号').optional(),
  media_url: z
    .url({ protocol: /^https?$/, error: '图片地址须为 http(s) 网址' })
    .max(1000, '图片地址过长')
    .optional(),
}

export const open311RequestCreate = defineRoute({
  method: 'POST',
  path: '/open311/v2/requests.{format}',
  summary:
    '合作方上报事件（application/x-www-form-urlencoded 表单，字段也可放在查询串中，需 api_key）：进入与居民上报相同的受理、派单、办结流程，以合作方为渠道',
  action: 'open311.submit',
  params: formatOnly,
  body: z
    .strictObject({
      api_key: apiKey,
      jurisdiction_id: jurisdiction,
      service_code: idSchema,
      lat: z.coerce.number({ error: '纬度必须是数字' }).min(-90, '纬度超出范围').max(90, '纬度超出范围').optional(),
      long: z.coerce.number({ error: '经度必须是数字' }).min(-180, '经度超出范围').max(180, '经度超出范围').optional(),
      address_string: text(200, '地址').refine(noMarkup, '地址不能含 HTML').optional(),
      address_id: text(64, '地址编号').optional(),
      ...partnerUser,
      device_id: text(200, '设备编号').optional(),
      phone: z
        .string()
        .regex(/^\+?[0-9 -]{5,20}$/, '电话格式不正确')
        .optional(),
      // Optional in GeoReport v2: a report without one is described by its service's name.
      description: z.string().trim().max(OPEN311_DESCRIPTION_MAX, `描述最多 ${OPEN311_DESCRIPTION_MAX} 个字符`).refine(noMarkup, '描述不能含 HTML').optional(),
    })
    .refine((b) => b.lat !== undefined && b.long !== undefined, { message: '请提供 lat 与 long（本辖区只按坐标受理）', path: ['lat'] }),
  response: z.array(z.object({ service_request_id: z.string(), service_notice: z.string(), account_id: z.string().optional() })),
  open311: { root: 'service_requests', item: 'request' },
})

/**
 * The community's Swagger description of GeoReport v2 names one request's path in the singular (`request/{id}`) and
 * its answer as one record (the spec: `requests/{id}`, a list of one): a client driven by that description is
 * answered as it expects.
 */
export const open311RequestSingular = defineRoute({
  method: 'GET',
  path: '/open311/v2/request/{service_request_id}.{format}',
  summary: 'Open311 单个事件（公开视图），按社区 Swagger 描述的单数路径与单条记录作答',
  action: 'open311.read',
  params: oneRequest,
  query: jurisdictionQuery,
  response: open311RequestSchema,
  open311: { root: 'request' },
})

export const open311Token = defineRoute({
  method: 'GET',
  path: '/open311/v2/tokens/{token_id}.{format}',
  summary: 'Open311 令牌换事件编号：本服务上报即回编号，令牌即事件编号',
  action: 'open311.read',
  params: z.strictObject({ token_id: idSchema, format }),
  query: jurisdictionQuery,
  response: z.array(z.object({ service_request_id: z.string(), token: z.string() })),
  open311: { root: 'service_requests', item: 'request' },
})

export const open311UpdateSchema = z.object({
  update_id: z.string(),
  service_request_id: z.string(),
  status: z.enum(open311Statuses),
  external_status_code: z.string(),
  updated_datetime: datetime,
  description: z.string(),
  media_url: z.string(),
})

export const open311Updates = defineRoute({
  method: 'GET',
  path: '/open311/v2/servicerequestupdates.{format}',
  summary: 'Open311 事件进展（mySociety 扩展，FixMyStreet 拉取）：时段内公开事件的每次状态变化，只含事件名称，不含处置说明',
  action: 'open311.read',
  params: formatOnly,
  query: z.strictObject({
    jurisdiction_id: jurisdiction,
    api_key: apiKey.optional(),
    ...span,
  }),
  response: z.array(open311UpdateSchema),
  open311: { root: 'service_request_updates', item: 'request_update' },
})

/**
 * A partner's update on a case it reported (mySociety's extension, what FixMyStreet pushes): `closed` withdraws it
 * (撤回, while nobody has handled it yet), `open` on a handled case sends it back (重办); the description is the reason.
 */
export const open311UpdateCreate = defineRoute({
  method: 'POST',
  path: '/open311/v2/servicerequestupdates.{format}',
  summary: '合作方推送其上报事件的进展（mySociety 扩展）：closed 撤回尚未处置的事件，open 对已办结事件申请重办，description 为原因',
  action: 'open311.submit',
  params: formatOnly,
  body: z.strictObject({
    api_key: apiKey,
    jurisdiction_id: jurisdiction,
    service_request_id: idSchema,
    status: z
      .string({ error: '请填写状态' })
      .transform((v) => v.toLowerCase())
      .pipe(z.enum(open311Statuses, { error: '状态只能是 open 或 closed' })),
    description: z
      .string({ error: '请填写原因（description）' })
      .trim()
      .min(2, '原因至少 2 个字')
      .max(200, '原因最多 200 字')
      .refine(noMarkup, '原因不能含 HTML'),
    update_id: text(64, '更新编号').optional(),
    updated_datetime: day.optional(),
    service_request_id_ext: text(64, '外部编号').optional(),
    ...partnerUser,
    title: text(50, '称谓').optional(),
    public_anonymity_required: z.enum(['TRUE', 'FALSE', 'true', 'false'], { error: '只能是 TRUE 或 FALSE' }).optional(),
    email_alerts_requested: z.enum(['TRUE', 'FALSE', 'true', 'false'], { error: '只能是 TRUE 或 FALSE' }).optional(),
  }),
  response: z.array(z.object({ update_id: z.string() })),
  open311: { root: 'service_request_updates', item: 'request_update' },
})
