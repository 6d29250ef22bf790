import type { Caller } from '../identity/ports'
import type { DistrictDeps } from './ports'

/** Departments with the officials a dispatcher may pick (the route's permission: dispatchers only). */
export async function listDepartments(deps: DistrictDeps, caller: Caller) {
  const { departments } = await deps.catalogue(caller.user.districtId)
  const items = await Promise.all(
    departments.map(async (d) => ({
      id: d.id,
      name: d.name,
      officials: (await deps.repos.users.holders(caller.user.districtId, d.id, 'official')).items.map((o) => ({ id: o.userId, name: o.name })),
    })),
  )
  return { items }
}
