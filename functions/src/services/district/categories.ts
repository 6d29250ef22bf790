import { slaBands, type CategoryClass, resolveWorkdays } from '@linli/shared'
import type { DistrictDeps } from './ports'

const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order

export async function listCategories(deps: DistrictDeps, districtId: string): Promise<{ classes: CategoryClass[] }> {
  const { classes, categories, departments } = await deps.catalogue(districtId)
  const deptName = new Map(departments.map((d) => [d.id, d.name]))
  return {
    classes: [...classes].sort(byOrder).map((cls) => ({
      id: cls.id,
      name: cls.name,
      items: categories
        .filter((c) => c.classId === cls.id)
        .sort(byOrder)
        .map((c) => {
          const { acceptMinutes, dispatchMinutes, resolveMinutes } = slaBands[c.slaBand]
          return {
            id: c.id,
            name: c.name,
            departmentId: c.departmentId,
            departmentName: deptName.get(c.departmentId) ?? '',
            priority: c.priority,
            slaBand: c.slaBand,
            autoDispatch: c.autoDispatch ?? false,
            sla: { acceptMinutes, dispatchMinutes, resolveMinutes, ...(resolveWorkdays(c.slaBand) ? { resolveWorkdays: resolveWorkdays(c.slaBand) } : {}) },
          }
        }),
    })),
  }
}
