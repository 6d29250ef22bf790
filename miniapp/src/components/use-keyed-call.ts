import { useCallback, useRef } from 'react'
import type { RouteResponse, RouteSpec } from '@linli/shared'
import { ApiError, call, type Input } from '../api/request'
import { randomId } from '../utils/format'

/**
 * Sends an idempotent route's request with its Idempotency-Key (DESIGN.md rule 11). The key is kept while the same
 * request is sent again without an answer (a weak network's retry: the server answers what the first one did, even
 * when it went through); it is drawn anew once the server has answered, or for another request.
 */
export function useKeyedCall(prefix: string) {
  const pending = useRef<{ key: string; request: string } | undefined>(undefined)
  return useCallback(
    async <S extends RouteSpec & { idempotent: true }>(route: S, input: Input<S>): Promise<RouteResponse<S>> => {
      const request = JSON.stringify([route.method, route.path, input])
      if (pending.current?.request !== request) pending.current = { key: `${prefix}-${randomId()}`, request }
      try {
        const answer = await call(route, input, { headers: { 'Idempotency-Key': pending.current.key } })
        pending.current = undefined
        return answer
      } catch (e) {
        // No answer (status 0): the request may have gone through, so a retry must carry the same key.
        if (!(e instanceof ApiError && e.status === 0)) pending.current = undefined
        throw e
      }
    },
    [prefix],
  )
}
