/**
 * The one request wrapper: every call goes through here, typed by a route of shared/contract. Errors come back
 * as ApiError carrying the catalogue code, the Chinese message and the offending fields.
 */
import Taro from '@tarojs/taro'
import { fillPath, login, type ErrorBody, type FieldError, type RouteRequest, type RouteResponse, type RouteSpec } from '@linli/shared'
import { clearSession, getSession, goToLogin, saveSession, type Session } from './session'

// H5 is served with the API on its own origin; the weapp build calls the configured API host.
const API_BASE = process.env.TARO_ENV === 'h5' ? '' : LINLI_API_BASE

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export type Input<S extends RouteSpec> = { [K in keyof RouteRequest<S> as RouteRequest<S>[K] extends undefined ? never : K]: RouteRequest<S>[K] }

export interface CallOptions {
  /** Extra request headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>
}

/** A wx.login code → our API (which calls code2Session) → our session, stored. */
export async function signInWithCode(code: string): Promise<Session> {
  const session = await call(login, { body: { code } })
  saveSession(session)
  return session
}

let relogin: Promise<Session | undefined> | undefined

/**
 * A session the server ended or let expire is renewed silently: wx.login → our login route → a new session (at
 * launch, and on a 401 mid-use). Every request that meets a 401 meanwhile waits for the same one. None where WeChat
 * cannot sign in (H5) or it fails.
 */
export function renewSession(): Promise<Session | undefined> {
  if (process.env.TARO_ENV === 'h5') return Promise.resolve(undefined)
  relogin ??= (async () => {
    try {
      const { code } = await Taro.login()
      return await signInWithCode(code)
    } catch {
      return undefined
    } finally {
      relogin = undefined
    }
  })()
  return relogin
}

/** The absolute URL of a route and the session header: for files the platform downloads itself (PDF, calendar). */
export function fileRequest<S extends RouteSpec>(route: S, params: Record<string, string>): { url: string; header: Record<string, string> } {
  const session = getSession()
  return { url: API_BASE + fillPath(route.path, params), header: session ? { authorization: `Bearer ${session.token}` } : {} }
}

export async function call<S extends RouteSpec>(route: S, input?: Input<S>, options?: CallOptions, retried = false): Promise<RouteResponse<S>> {
  const req = (input ?? {}) as Partial<RouteRequest<S>>
  const pairs = Object.entries((req.query ?? {}) as Record<string, unknown>).filter(([, v]) => v !== undefined)
  const query = pairs.length ? '?' + pairs.map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&') : ''
  const session = getSession()
  let res: Taro.request.SuccessCallbackResult
  try {
    res = await Taro.request({
      url: API_BASE + fillPath(route.path, req.params as Record<string, string> | undefined) + query,
      method: route.method,
      data: req.body,
      header: { 'content-type': 'application/json', ...options?.headers, ...(session ? { authorization: `Bearer ${session.token}` } : {}) },
    })
  } catch {
    throw new ApiError(0, 'network', '网络不给力，请检查网络后重试')
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return res.data as RouteResponse<S>
  const body = res.data as Partial<ErrorBody> | undefined
  const error = new ApiError(res.statusCode, body?.error?.code ?? 'internal', body?.error?.message ?? '服务器开小差了，请稍后再试', body?.error?.fields)
  // Only a route that needs a session answers 401 (one open to anyone never reads the token); the login route is the
  // renewal itself. (Asking the permission table instead brought every family's routes into the first load.)
  if (res.statusCode === 401 && route.path !== login.path) {
    // Once: a request the renewed session still cannot make goes to the sign-in page.
    if (!retried && (await renewSession())) return call(route, input, options, true)
    clearSession()
    goToLogin(true)
  }
  throw error
}
