/** The category taxonomy (大类 → 小类), fetched once per app run; the departments for dispatching. */
import { listCategories, listDepartments, type CategoryClass } from '@linli/shared'
import { call } from './request'

let cached: Promise<CategoryClass[]> | undefined

export function loadCategories(): Promise<CategoryClass[]> {
  cached ??= call(listCategories).then(
    (r) => r.classes,
    (e: unknown) => {
      cached = undefined
      throw e
    },
  )
  return cached
}

export interface Department {
  id: string
  name: string
  officials: { id: string; name: string }[]
}

/** Every department of the district with its officials (dispatchers only). */
export const loadDepartments = (): Promise<Department[]> => call(listDepartments).then((r) => r.items)
