import { DomainError } from '@linli/shared'
import type { Catalogue, CatalogueNeed } from './ports'

/**
 * District reference data changes rarely and is read on most requests: keep it per container for a short while.
 * Concurrent misses share one load. A caller that needs what a stale copy lacks (an admin creates a room and at once
 * invites its mediator: the invite lands on another container) gets one reload; the cost stays one load per request.
 */
export function cachedCatalogue(load: (districtId: string) => Promise<Catalogue | undefined>, ttlMs: number, now: () => number = Date.now) {
  const cache = new Map<string, { at: number; value: Promise<Catalogue> }>()
  const reload = (districtId: string) => {
    const value = load(districtId).then((c) => {
      if (!c) throw new DomainError('grid.notFound', undefined, '辖区不存在')
      return c
    })
    value.catch(() => cache.delete(districtId))
    cache.set(districtId, { at: now(), value })
    return value
  }
  return async (districtId: string, needs?: CatalogueNeed): Promise<Catalogue> => {
    const hit = cache.get(districtId)
    if (!hit || now() - hit.at >= ttlMs) return reload(districtId)
    const cached = await hit.value
    return needs && !needs(cached) ? reload(districtId) : cached
  }
}
