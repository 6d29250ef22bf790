import { useState } from 'react'
import { adminCatalogue, type RouteResponse } from '@linli/shared'
import { ApiError, call } from '../../../api/request'

export type AdminCatalogue = RouteResponse<typeof adminCatalogue>

/**
 * What the console's pages edit, read fresh (GET /v1/admin/catalogue): `load` asks again (`then` sees each answer),
 * `shell` is its state for the page shell (the first load under way, or failed in words with 重试).
 */
export function useAdminCatalogue(then?: (c: AdminCatalogue) => void) {
  const [catalogue, setCatalogue] = useState<AdminCatalogue>()
  const [error, setError] = useState('')
  const load = () => {
    setError('')
    return call(adminCatalogue, {}).then(
      (c) => {
        setCatalogue(c)
        then?.(c)
      },
      (e: ApiError) => setError(e.message),
    )
  }
  return { catalogue, error, setError, load, shell: { loading: !catalogue && !error, error: catalogue ? undefined : error, onRetry: () => void load() } }
}
