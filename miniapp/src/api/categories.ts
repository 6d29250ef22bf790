/** The category taxonomy (大类 → 小类), fetched once per app run; departments are read off its items. */
import { listCategories, type CategoryClass } from '@linli/shared'
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
}

/** The departments named in the taxonomy, each once, in taxonomy order. */
export function departmentsOf(classes: CategoryClass[]): Department[] {
  const seen = new Map<string, Department>()
  for (const c of classes) for (const item of c.items) if (!seen.has(item.departmentId)) seen.set(item.departmentId, { id: item.departmentId, name: item.departmentName })
  return [...seen.values()]
}
