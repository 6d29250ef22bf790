/**
 * The one HTTP middleware stack every handler goes through: body limits and JSON parsing, zod validation of
 * params/query/body, authentication (roles from our records), the route's permission action (the permission table)
 * and mapping every error through the catalogue.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda'
import { randomUUID } from 'node:crypto'
import {
  DomainError,
  allowsGuests,
  needsSession,
  permits,
  type NeedsSession,
  type Action,
  errorCatalogue,
  isDomainError,
  parseOrThrow,
  type ErrorBody,
  type FileAnswer,
  type RouteBody,
  type RouteParams,
  type RouteQuery,
  type RouteResponse,
  type RouteSpec,
} from '@linli/shared'
import type { Caller } from '../services/identity/ports'
import type { Deps } from '../services/deps'
import { guestCaller, loadCaller } from '../services/identity/users'
import { runtimeDeps } from '../runtime'
import { asFunction } from '../adapters/aws-calls'
import { open311Xml } from '../adapters/open311-xml'

type Open311Shape = NonNullable<RouteSpec['open311']>

export const MAX_BODY_BYTES = 64 * 1024

export interface Request<S extends RouteSpec> {
  params: RouteParams<S>
  query: RouteQuery<S>
  body: RouteBody<S>
  caller: NeedsSession<S> extends true ? Caller : undefined
  requestId: string
  /** The Idempotency-Key of a route that takes one (`idempotent` in the contract). */
  idempotencyKey?: string
  /** Request headers, names in lower case. */
  headers: Record<string, string | undefined>
}

export type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>

export function endpoint<S extends RouteSpec>(
  route: S,
  fn: (req: Request<S>, deps: Deps) => Promise<RouteResponse<S>>,
  getDeps: () => Promise<Deps> = runtimeDeps,
): Handler {
  const name = `${route.method} ${route.path}`
  return (event) =>
    asFunction(name, async () => {
      const requestId = requestIdOf(event)
      try {
        const deps = await getDeps()
        const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]))
        const req = {
          params: route.params ? parseOrThrow(route.params, pathParameters(route, event)) : undefined,
          query: route.query ? parseOrThrow(route.query, event.queryStringParameters ?? {}) : undefined,
          body: route.body ? parseOrThrow(route.body, route.open311 ? readFormBody(event) : readJsonBody(event)) : undefined,
          caller: needsSession(route) ? await authenticate(deps, event, route) : undefined,
          requestId,
          idempotencyKey: route.idempotent ? idempotencyKey(headers) : undefined,
          headers,
        } as Request<S>
        const result = await fn(req, deps)
        if (route.open311) return open311Answer(route.open311, event, 200, result, requestId)
        return route.produces ? file(route.produces, result as FileAnswer, requestId) : json(route.status ?? 200, result, requestId)
      } catch (err) {
        return route.open311 ? open311Error(event, err, requestId) : errorResponse(err, requestId)
      }
    })
}

/**
 * The path's parameters; an Open311 path's `.{format}` is its extension (routed as `services.json`, or split off the
 * last parameter: `{service_code}` holds `cat-road.json`, see gatewayPaths).
 */
function pathParameters(route: RouteSpec, event: APIGatewayProxyEventV2): Record<string, string | undefined> {
  const params = { ...event.pathParameters }
  if (!route.path.endsWith('.{format}')) return params
  const format = formatOf(event)
  const last = /\{(\w+)\}\.\{format\}$/.exec(route.path)?.[1]
  if (last && params[last]?.endsWith(`.${format}`)) params[last] = params[last].slice(0, -format.length - 1)
  return { ...params, format }
}

const formatOf = (event: APIGatewayProxyEventV2) => /\.(\w+)$/.exec(event.rawPath ?? '')?.[1] ?? ''

/** An Open311 answer in the path's format: JSON, or XML under the route's root element. */
function open311Answer(shape: Open311Shape, event: APIGatewayProxyEventV2, statusCode: number, body: unknown, requestId: string) {
  if (formatOf(event) !== 'xml') return json(statusCode, body, requestId)
  return {
    statusCode,
    headers: { 'content-type': 'text/xml; charset=utf-8', 'x-request-id': requestId },
    body: open311Xml(shape.root, shape.item, body),
  }
}

/** GeoReport v2's errors: `[{code, description}]` with the HTTP status as the code; one per field refused (`status: 状态只能是 …`). */
function open311Error(event: APIGatewayProxyEventV2, err: unknown, requestId: string) {
  const {
    status: code,
    body: { error },
  } = errorOf(err, requestId)
  const body = error.fields?.length ? error.fields.map((f) => ({ code, description: `${f.path}: ${f.message}` })) : [{ code, description: error.message }]
  return open311Answer({ root: 'errors', item: 'error' }, event, code, body, requestId)
}

/** API Gateway's request id; serverless-offline hands every request the same placeholder, so mint one there. */
const requestIdOf = (event: APIGatewayProxyEventV2) => {
  const id = event.requestContext?.requestId
  return id && !id.startsWith('offlineContext_') ? id : randomUUID()
}

/** The request's body as text, within the size every route takes. */
function bodyText(event: APIGatewayProxyEventV2): string {
  // API Gateway hands the body over as text; serverless-offline parses a JSON scalar body (`false`, `1`) first.
  const body: unknown = event.body
  const raw = typeof body === 'string' ? body : body == null ? '' : JSON.stringify(body)
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw
  if (Buffer.byteLength(text) > MAX_BODY_BYTES)
    throw new DomainError('request.tooLarge', [{ path: 'body', message: `请求体不能超过 ${MAX_BODY_BYTES / 1024} KB` }])
  return text
}

/**
 * An Open311 body: form fields (application/x-www-form-urlencoded, as GeoReport v2 posts them), and those a client
 * puts in the query string (the community's Swagger description does). An empty field is an absent one (the spec's
 * rule); `attribute[…]` answers a service definition, and no service of ours defines any; a field sent twice is
 * refused by name.
 */
function readFormBody(event: APIGatewayProxyEventV2): Record<string, string> {
  const text = bodyText(event)
  const type = header(event, 'content-type')
  if (text && (!type || !/^application\/x-www-form-urlencoded\b/i.test(type)))
    throw new DomainError('request.unsupportedMediaType', [{ path: 'body', message: '请求体必须是 application/x-www-form-urlencoded 表单' }])
  const fields: Record<string, string> = {}
  const sent = [...new URLSearchParams(text), ...Object.entries(event.queryStringParameters ?? {}).map(([k, v]) => [k, v ?? ''] as const)]
  for (const [name, value] of sent) {
    if (name.startsWith('attribute[')) continue
    if (name in fields) throw new DomainError('request.invalid', [{ path: name, message: '同一字段只能填一次' }])
    fields[name] = value
  }
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== ''))
}

function readJsonBody(event: APIGatewayProxyEventV2): unknown {
  const text = bodyText(event)
  const type = header(event, 'content-type')
  if (type && !/^application\/json\b/i.test(type)) throw new DomainError('request.unsupportedMediaType', [{ path: 'body', message: '请求体必须是 JSON' }])
  if (!text.trim()) throw new DomainError('request.invalid', [{ path: 'body', message: '缺少请求体' }])
  try {
    return JSON.parse(text)
  } catch {
    throw new DomainError('request.malformedJson', [{ path: 'body', message: '请求体不是合法的 JSON' }])
  }
}

/**
 * The caller from the session token, with roles re-read from our records; the route's action checked on them. Without
 * a token, a route open to guests answers as the deployment's district shows itself to a visitor.
 */
async function authenticate(deps: Deps, event: APIGatewayProxyEventV2, route: RouteSpec): Promise<Caller> {
  const match = /^Bearer\s+(\S+)$/i.exec(header(event, 'authorization') ?? '')
  if (!match && allowsGuests(route)) return guestCaller(deps)
  if (!match) throw new DomainError('auth.required')
  const claims = await deps.tokens.verify(match[1]!, deps.clock())
  const caller = await loadCaller(deps, claims.userId)
  if (caller.user.districtId !== claims.districtId) throw new DomainError('auth.invalidToken')
  if ((caller.user.sessionGeneration ?? 0) !== claims.generation) throw new DomainError('auth.sessionEnded')
  if (!permits(caller.roles, caller.user.districtId, route.action as Action))
    throw new DomainError('auth.forbidden', [{ path: 'action', message: '你的角色不能执行此操作' }])
  return caller
}

/** The Idempotency-Key header a weak network's retries repeat (absent is fine; malformed is a 400). */
function idempotencyKey(headers: Record<string, string | undefined>): string | undefined {
  const key = headers['idempotency-key']
  if (key !== undefined && !/^[A-Za-z0-9_-]{8,64}$/.test(key)) {
    throw new DomainError('request.invalid', [{ path: 'Idempotency-Key', message: '幂等键须为 8–64 位字母、数字、- 或 _' }])
  }
  return key
}

const header = (event: APIGatewayProxyEventV2, name: string) => Object.entries(event.headers ?? {}).find(([k]) => k.toLowerCase() === name)?.[1]

function json(statusCode: number, body: unknown, requestId: string): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId },
    body: JSON.stringify(body),
  }
}

/** A file answer (a PDF, a calendar): base64 through API Gateway, saved under its name (RFC 6266, UTF-8 names). */
function file(contentType: string, answer: FileAnswer, requestId: string): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: 200,
    headers: {
      'content-type': contentType.startsWith('text/') ? `${contentType}; charset=utf-8` : contentType,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(answer.filename)}`,
      'cache-control': 'private, no-store',
      'x-request-id': requestId,
    },
    body: Buffer.from(answer.bytes).toString('base64'),
    isBase64Encoded: true,
  }
}

/** What an error answers: its status and our error body (a domain error's code and fields; internals only logged). */
function errorOf(err: unknown, requestId: string): { status: number; body: ErrorBody } {
  if (isDomainError(err))
    return { status: err.status, body: { error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) }, requestId } }
  // Internals go to the log, never to the client.
  console.error(
    JSON.stringify({ level: 'error', requestId, error: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err) }),
  )
  return { status: 500, body: { error: { code: 'internal', message: errorCatalogue.internal.message }, requestId } }
}

export function errorResponse(err: unknown, requestId: string): APIGatewayProxyStructuredResultV2 {
  const { status, body } = errorOf(err, requestId)
  return json(status, body, requestId)
}
