/** The OpenAPI 3.1 document, generated from the routes: `npm run openapi` prints it. */
import { z } from 'zod'
import { errorCatalogue } from '../errors'
import type { RouteSpec } from './route'
import { allowsGuests, needsSession } from '../domain/permissions'

const schema = (s: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Record<string, unknown>
  return rest
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
  for (const [operationId, r] of Object.entries(routes)) {
    paths[r.path] ??= {}
    paths[r.path]![r.method.toLowerCase()] = {
      operationId,
      summary: r.summary,
      security: !needsSession(r) ? [] : allowsGuests(r) ? [{}, { session: [] }] : [{ session: [] }],
      'x-permission': r.action,
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query'), ...(r.idempotent ? [IDEMPOTENCY_KEY] : [])],
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: schema(r.body, 'input') } } } } : {}),
      responses: {
        [String(r.status ?? 200)]: {
          description: 'OK',
          content: r.produces
            ? { [r.produces]: { schema: { type: 'string', format: 'binary' } } }
            : { 'application/json': { schema: schema(r.response, 'output') } },
        },
        default: { description: '错误', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Linli 邻里 API', version: '1' },
    paths,
    components: { schemas: { Error: errorSchema }, securitySchemes: { session: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
  }
}
