import { DomainError } from '@linli/shared'
import type { Catalogue } from './ports'

/**
 * District reference data changes rarely and is read on most requests: keep it per container for a short while.
 * Concurrent misses share one load.
 */
export function cachedCatalogue(load: (districtId: string) => Promise<Catalogue | undefined>, ttlMs: number, now: () => number = Date.now) {
  const cache = new Map<string, { at: number; value: Promise<Catalogue> }>()
  return (districtId: string): Promise<Catalogue> => {
    const hit = cache.get(districtId)
    if (hit && now() - hit.at < ttlMs) return hit.value
    const value = load(districtId).then((c) => {
      if (!c) throw new DomainError('grid.notFound', undefined, '辖区不存在')
      return c
    })
    value.catch(() => cache.delete(districtId))
    cache.set(districtId, { at: now(), value })
    return value
  }
}
