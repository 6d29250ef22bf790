import { DomainError } from '@linli/shared'
import type { Caller } from '../model'
import type { Deps } from './deps'

/** Departments with the officials a dispatcher may pick; only dispatchers need (and see) the staff list. */
export async function listDepartments(deps: Deps, caller: Caller) {
  if (!caller.roles.some((r) => r.role === 'dispatcher')) throw new DomainError('auth.forbidden', [{ path: 'view', message: '只有坐席可以查看部门人员' }])
  const { departments } = await deps.catalogue(caller.user.districtId)
  const items = await Promise.all(
    departments.map(async (d) => ({ id: d.id, name: d.name, officials: (await deps.repos.users.holders(d.id, 'official')).map((o) => ({ id: o.userId, name: o.name })) })),
  )
  return { items }
}
