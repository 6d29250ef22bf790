import { useState } from 'react'
import Taro from '@tarojs/taro'
import type { RouteResponse, RouteSpec } from '@linli/shared'
import { call, type Input } from '../api/request'
import { apiErrors, zodErrors, type Errors } from './field-error'
import { useKeyedCall } from './use-keyed-call'

/** A field is named by the first part of an error's path (`location.lat` → `location`). */
const byFirstPart = (path: string) => path.split('.')[0] || undefined

/**
 * The one way a form sends its route (DESIGN.md rule 11): the body is checked first by the route's own zod schema,
 * the one the server checks; each error sits by its field (`errors[name]`, the server's 4xx fields the same way,
 * the rest on `_form`, and the first said in a toast); an idempotent route keeps its Idempotency-Key across retries
 * until the server has answered. `submit` answers the route's response, or undefined when the form was refused.
 */
export function useRouteForm<S extends RouteSpec>(route: S, opts: { keyPrefix?: string; field?: (path: string) => string | undefined } = {}) {
  const { keyPrefix = 'form', field = byFirstPart } = opts
  const [errors, setErrors] = useState<Errors>({})
  const [busy, setBusy] = useState(false)
  const keyed = useKeyedCall(keyPrefix)

  const refuse = (found: Errors) => {
    setErrors(found)
    const first = Object.values(found)[0]
    if (first) void Taro.showToast({ title: first, icon: 'none' })
  }

  const submit = async (input: Input<S>): Promise<RouteResponse<S> | undefined> => {
    const body = (input as { body?: unknown }).body
    const checked = route.body && body !== undefined ? route.body.safeParse(body) : undefined
    if (checked && !checked.success) return void refuse(zodErrors(checked.error, field))
    setErrors({})
    setBusy(true)
    try {
      return route.idempotent ? ((await keyed(route as S & { idempotent: true }, input as never)) as RouteResponse<S>) : await call(route, input)
    } catch (e) {
      refuse(apiErrors(e, field))
      return undefined
    } finally {
      setBusy(false)
    }
  }

  return { errors, busy, submit }
}
