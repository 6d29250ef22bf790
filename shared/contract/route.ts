import * as z from 'zod'

/**
 * A route of the HTTP API: the single source for the handler (validation, typing), the mini-program client,
 * serverless.yml's events (checked by a test) and the OpenAPI document.
 */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface RouteSpec {
  method: Method
  /** API Gateway style path: `/v1/grids/{id}`. */
  path: string
  summary: string
  /**
   * The permission action the route needs: one of its family's `permissions` (shared/families.ts checks that every
   * route names a known one); the stack checks its roles.
   */
  action: string
  params?: z.ZodType
  query?: z.ZodType
  body?: z.ZodType
  response: z.ZodType
  /**
   * The route takes an `Idempotency-Key` header: a weak network's retry, or a twin request, answers what the first
   * call answered instead of writing again (functions/src/db/idempotency).
   */
  idempotent?: true
  /** Success status, 200 unless said. */
  status?: number
  /** A file answer's media type (its response is {@link fileAnswer}); JSON unless said. */
  produces?: 'application/pdf' | 'text/calendar' | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' | 'application/geo+json'
  /**
   * The route speaks Open311 GeoReport v2 (contract/interop): its path ends in `.{format}` (json or xml), its XML
   * answer is `root` (holding one `item` per entry of a list), its errors are the spec's `[{code, description}]`.
   */
  open311?: { root: string; item?: string }
}

/** What a route that `produces` a file answers: its bytes and the name it is saved under. */
export interface FileAnswer {
  filename: string
  bytes: Uint8Array
}
export const fileAnswer = z.custom<FileAnswer>((v) => typeof v === 'object' && v !== null && 'bytes' in v)

export const defineRoute = <const S extends RouteSpec>(spec: S) => spec

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined
type InferIn<T> = T extends z.ZodType ? z.input<T> : undefined

export type RouteParams<S extends RouteSpec> = Infer<S['params']>
export type RouteQuery<S extends RouteSpec> = Infer<S['query']>
export type RouteBody<S extends RouteSpec> = Infer<S['body']>
export type RouteResponse<S extends RouteSpec> = z.infer<S['response']>

/** What a client sends: the schema inputs (defaults may be omitted). */
export interface RouteRequest<S extends RouteSpec> {
  params: InferIn<S['params']>
  query: InferIn<S['query']>
  body: InferIn<S['body']>
}

/** Fills `{name}` placeholders of a route path. */
export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`missing path parameter ${name}`)
    return encodeURIComponent(value)
  })
}

/**
 * The paths API Gateway routes for a route: a path part must be a literal or one whole `{param}`, so a path ending in
 * `name.{format}` is routed once per format (`services.json`, `services.xml`) and one ending in `{param}.{format}` as
 * `{param}` (the stack splits the extension off).
 */
export function gatewayPaths(route: Pick<RouteSpec, 'path'>, formats: readonly string[] = ['json', 'xml']): string[] {
  if (!route.path.endsWith('.{format}')) return [route.path]
  const base = route.path.slice(0, -'.{format}'.length)
  return base.endsWith('}') ? [base] : formats.map((f) => `${base}.${f}`)
}
