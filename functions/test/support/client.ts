/** Test client of the running local cloud: plain HTTP against the API and the WeChat stand-in. */
import { XMLParser } from 'fast-xml-parser'
import { fillPath, routes, type RouteRequest, type RouteResponse, type RouteSpec } from '@linli/shared'
import { makeRepos } from '../../src/families'
import { userIdFor } from '../../src/adapters/ids'

interface TestCloud {
  urls: { api: string; h5: string; wechat: string }
  env: Record<string, string>
}

export const cloud = (): TestCloud => {
  const raw = process.env.LINLI_TEST_CLOUD
  if (!raw) throw new Error('LINLI_TEST_CLOUD is not set: run through jest.cloud.config.cjs')
  return JSON.parse(raw) as TestCloud
}

export interface Answer<T = any> {
  status: number
  body: T
}

/**
 * The contract's routes, each with a pattern of its path (`/v1/cases/{id}` → `/v1/cases/[^/]+`), the most literal
 * first: `/v1/grids/locate` is that route, not `/v1/grids/{id}`.
 */
const patterns = Object.values(routes as Record<string, RouteSpec>)
  .map((route) => ({ route, params: route.path.split('{').length, path: new RegExp(`^${route.path.replace(/\./g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`) }))
  .sort((a, b) => a.params - b.params)
/** The route a request is for, by its method and path. */
export const routeOf = (method: string, path: string) => patterns.find((p) => p.route.method === method && p.path.test(path.split('?')[0]!))?.route

/**
 * Checks a successful JSON answer against its route's response schema (DESIGN.md rule 1): every integration test,
 * typed or not, tests the contract too.
 */
function checkAnswer(method: string, path: string, status: number, body: unknown) {
  const route = routeOf(method, path)
  if (!route || status >= 300 || route.produces) return
  const checked = route.response.safeParse(body)
  if (!checked.success) throw new Error(`${method} ${route.path} answered ${status} outside its contract: ${checked.error.message}`)
}

export async function api<T = any>(
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) }
  if (opts.token) headers.authorization = `Bearer ${opts.token}`
  if (opts.body !== undefined || opts.raw !== undefined) headers['content-type'] ??= 'application/json'
  const res = await fetch(cloud().urls.api + path, { method, headers, body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)) })
  const text = await res.text()
  const json = res.headers.get('content-type')?.startsWith('application/json')
  const body = text && json ? JSON.parse(text) : text || undefined
  if (json) checkAnswer(method, path, res.status, body)
  return { status: res.status, body }
}

/**
 * A refusal as our routes word it (`{error: {code, message, fields}}`), or as Open311's do (`[{code, description}]`,
 * in JSON or XML, one entry per field refused: `path: message`), read into the first form.
 */
export function refusalOf(body: unknown): { message: string; fields?: { path: string; message: string }[] } {
  const open311 = typeof body === 'string' ? openXmlErrors(body) : Array.isArray(body) ? (body as { description: string }[]) : undefined
  if (!open311) return (body as { error?: { message: string } } | undefined)?.error ?? { message: '' }
  const fields = open311.flatMap(({ description }) => {
    const [, path, message] = /^(.+?): (.*)$/.exec(description) ?? []
    return path ? [{ path, message: message! }] : []
  })
  return { message: open311[0]?.description ?? '', ...(fields.length ? { fields } : {}) }
}
const openXmlErrors = (xml: string) =>
  (new XMLParser({ parseTagValue: false, isArray: (name) => name === 'error' }).parse(xml) as { errors?: { error: { description: string }[] } }).errors?.error

/** What a typed call sends: the route's own params, query and body, a session, extra headers. */
export type CallOptions<S extends RouteSpec> = Partial<RouteRequest<S>> & { token?: string; headers?: Record<string, string> }

/** Calls a route of the contract, typed by it (its answer is checked against the contract by `api`, as every answer is). */
export async function call<S extends RouteSpec>(route: S, opts: CallOptions<S> = {}): Promise<Answer<RouteResponse<S>>> {
  const query = opts.query
    ? `?${new URLSearchParams(
        Object.entries(opts.query as Record<string, unknown>)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]): [string, string] => [k, String(v)]),
      )}`
    : ''
  const answer = await api<RouteResponse<S>>(route.method, fillPath(route.path, opts.params as Record<string, string> | undefined) + query, {
    token: opts.token,
    body: opts.body,
    headers: opts.headers,
  })
  return answer
}

export async function standin<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(cloud().urls.wechat + path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return (await res.json()) as T
}

export const mintCode = async (openid: string) => (await standin<{ code: string }>('POST', '/dev/code', { openid })).code

/** Signs in as `openid` (a persona or any new WeChat user) and returns the session token and user. */
export async function login(openid: string): Promise<{ token: string; user: any }> {
  const res = await api('POST', '/v1/auth/login', { body: { code: await mintCode(openid) } })
  if (res.status !== 200) throw new Error(`login ${openid}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

export const uniqueOpenid = (tag: string) => `o-test-${tag}-${Math.random().toString(36).slice(2, 10)}`

/** The same repositories the handlers use, on the same table: for arranging states no route can reach (expired invites). */
export function repos() {
  const env = cloud().env
  return makeRepos({ tableName: env.TABLE_NAME!, region: env.AWS_REGION!, endpoint: env.DYNAMODB_ENDPOINT })
}

export const userIdOf = (openid: string) => userIdFor(openid, cloud().env.ID_SALT!)

export function expectError(answer: Answer, status: number, code: string) {
  expect({ status: answer.status, code: answer.body?.error?.code }).toEqual({ status, code })
  expect(answer.body.error.message).toMatch(/[\u4e00-\u9fa5]/)
  expect(typeof answer.body.requestId).toBe('string')
}

/** Uploads a small image the way the mini-program does: presigned POST from the API, then the form to S3. */
export async function uploadPhoto(token: string, opts: { contentType?: string; bytes?: number; purpose?: string } = {}): Promise<string> {
  const contentType = opts.contentType ?? 'image/jpeg'
  const bytes = opts.bytes ?? 2048
  const res = await api('POST', '/v1/uploads', {
    token,
    body: {
      purpose: opts.purpose ?? 'case_photo',
      contentType: contentType.startsWith('image/') ? contentType : 'image/jpeg',
      size: Math.min(bytes, 5 * 1024 * 1024),
    },
  })
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`)
  const form = new FormData()
  for (const [k, v] of Object.entries(res.body.fields as Record<string, string>)) form.append(k, v)
  form.set('Content-Type', contentType)
  form.append('file', new Blob([new Uint8Array(bytes)], { type: contentType }), 'photo')
  const put = await fetch(res.body.url, { method: 'POST', body: form })
  if (put.status >= 300) throw new Error(`s3 POST: ${put.status} ${await put.text()}`)
  return res.body.key
}

/** Uploads a file to import (a roster spreadsheet) the way the mini-program does; answers its key. */
export async function uploadFile(token: string, bytes: Uint8Array, contentType: string, purpose = 'roster_import'): Promise<string> {
  const res = await api('POST', '/v1/uploads', { token, body: { purpose, contentType, size: bytes.length } })
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`)
  const form = new FormData()
  for (const [k, v] of Object.entries(res.body.fields as Record<string, string>)) form.append(k, v)
  form.append('file', new Blob([bytes], { type: contentType }), 'file')
  const put = await fetch(res.body.url, { method: 'POST', body: form })
  if (put.status >= 300) throw new Error(`s3 POST: ${put.status} ${await put.text()}`)
  return res.body.key
}

/** Polls until `check` returns a value, or fails after `ms`. */
export async function eventually<T>(check: () => Promise<T | undefined>, ms = 8000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** A fresh official of `departmentId`, made the way a district does it: an admin's invite, redeemed. */
export const newOfficial = (departmentId = 'dept-water') => newStaff('official', departmentId)
export const newMediator = (roomId: string) => newStaff('mediator', roomId)
export const newDispatcher = (nodeId: string) => newStaff('dispatcher', nodeId)
export const newGridworker = (gridId: string) => newStaff('gridworker', gridId)
export const newGridLeader = (nodeId: string) => newStaff('grid_leader', nodeId)
export const newLeader = (nodeId: string) => newStaff('leader', nodeId)

async function newStaff(role: string, scopeId: string): Promise<{ token: string; user: any; openid: string }> {
  const admin = await login('o-demo-admin')
  const invite = await api('POST', '/v1/invites', { token: admin.token, body: { role, scopeId } })
  const openid = uniqueOpenid(role)
  const me = await login(openid)
  const redeemed = await api('POST', '/v1/invites/redeem', { token: me.token, body: { code: invite.body.code } })
  if (redeemed.status !== 200) throw new Error(`redeem: ${redeemed.status} ${JSON.stringify(redeemed.body)}`)
  return { token: me.token, user: redeemed.body, openid }
}
