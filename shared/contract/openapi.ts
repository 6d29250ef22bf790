/** The OpenAPI 3.1 document, generated from the routes: `npm run openapi` prints it. */
import * as z from 'zod'
import { errorCatalogue } from '../errors'
import type { RouteSpec } from './route'
import { allowsGuests, needsSession } from '../domain/permissions'

/**
 * A zod schema as JSON Schema. A recursive one (the grid tree) comes with its own `$defs`: they move to the
 * document's components under the operation's name, and its references follow them.
 */
const schema = (s: z.ZodType, io: 'input' | 'output', components?: Record<string, unknown>, name = '') => {
  const { $schema: _ignored, $defs, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Record<string, unknown>
  if (!$defs || !components) return rest
  const moved = <T>(x: T): T => JSON.parse(JSON.stringify(x).replace(/"#\/\$defs\/(\w+)"/g, `"#/components/schemas/${name}_$1"`)) as T
  for (const [k, def] of Object.entries($defs as Record<string, unknown>)) components[`${name}_${k}`] = moved(def)
  return moved(rest)
}

const errorSchema = {
  type: 'object',
  required: ['error', 'requestId'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: Object.keys(errorCatalogue) },
        message: { type: 'string', description: '中文说明' },
        fields: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
      },
    },
    requestId: { type: 'string' },
  },
}

const failure = { description: '错误', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }
const open311Failure = {
  description: 'GeoReport v2 的错误：[{code, description}]',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Open311Errors' } } },
}

const open311ErrorsSchema = {
  type: 'array',
  items: { type: 'object', required: ['code', 'description'], properties: { code: { type: 'integer' }, description: { type: 'string' } } },
}

/** The header an idempotent route reads (functions/src/http/stack.ts checks its form). */
const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: '重试或重复提交时沿用同一个键：服务器回答第一次的结果，不会重复写入',
  schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' },
}

function parameters(s: z.ZodType | undefined, where: 'path' | 'query') {
  if (!s) return []
  const json = schema(s, 'input') as { properties?: Record<string, unknown>; required?: string[] }
  return Object.entries(json.properties ?? {}).map(([name, sch]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: sch,
  }))
}

export function openApiDocument(routes: Record<string, RouteSpec>) {
  const paths: Record<string, Record<string, unknown>> = {}
  const schemas: Record<string, unknown> = { Error: errorSchema, Open311Errors: open311ErrorsSchema }
  for (const [operationId, r] of Object.entries(routes)) {
    paths[r.path] ??= {}
    paths[r.path]![r.method.toLowerCase()] = {
      operationId,
      summary: r.summary,
      security: !needsSession(r) ? [] : allowsGuests(r) ? [{}, { session: [] }] : [{ session: [] }],
      'x-permission': r.action,
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query'), ...(r.idempotent ? [IDEMPOTENCY_KEY] : [])],
      ...(r.body
        ? {
            requestBody: {
              required: true,
              // GeoReport v2 posts form fields; everything else of ours takes JSON.
              content: {
                [r.open311 ? 'application/x-www-form-urlencoded' : 'application/json']: { schema: schema(r.body, 'input', schemas, `${operationId}Body`) },
              },
            },
          }
        : {}),
      responses: {
        [String(r.status ?? 200)]: {
          description: 'OK',
          content: r.produces
            ? { [r.produces]: { schema: { type: 'string', format: 'binary' } } }
            : {
                'application/json': { schema: schema(r.response, 'output', schemas, operationId) },
                // GeoReport v2's XML: the same record under the route's root element (functions/src/adapters/open311-xml.ts).
                ...(r.open311 ? { 'text/xml': { schema: { type: 'string', description: `<${r.open311.root}> …` } } } : {}),
              },
        },
        // Refusals (4XX: the field and its Chinese message) and failures (default) share the error body.
        ...Object.fromEntries(['4XX', 'default'].map((status) => [status, r.open311 ? open311Failure : failure])),
      },
    }
  }
  return {
    openapi: '3.1.0',
    paths,
    info: {
      title: 'Linli 邻里 API',
      version: '1',
      description: '邻里网格化服务管理的 HTTP API：小程序使用的 /v1 与对外的 Open311 GeoReport v2（/open311/v2）',
      license: { name: 'UNLICENSED', identifier: 'LicenseRef-Linli' },
    },
    servers: [{ url: '/' }],
    components: { schemas, securitySchemes: { session: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
  }
}
