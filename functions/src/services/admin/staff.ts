/** The district's staff by role and scope, for its admin: names, and phones masked (the admin's work needs no more). */
import { DomainError, type Role, type RouteQuery, type adminStaff } from '@linli/shared'
import { maskPhone } from '../../adapters/pii'
import { decodeCursor, encodeCursor } from '../cursor'
import type { Caller } from '../identity/ports'
import type { AdminDeps } from './ports'

export async function staffPage(deps: AdminDeps, caller: Caller, q: RouteQuery<typeof adminStaff>) {
  const districtId = caller.user.districtId
  const c = await deps.catalogue(districtId, (c) => [...c.nodes, ...c.departments, ...c.rooms].some((x) => x.id === q.scopeId))
  const scope = [...c.nodes, ...c.departments, ...c.rooms].find((x) => x.id === q.scopeId)
  if (!scope) throw new DomainError('admin.unknownReference', [{ path: 'scopeId', message: '本区没有这个网格、街道、部门或说事室' }])
  const list = `staff:${q.role}:${q.scopeId}`
  const after = decodeCursor(deps.cursorSecret, list, q.cursor)?.next as string | undefined
  const page = await deps.repos.users.holders(districtId, q.scopeId, q.role as Role, { limit: q.limit, after })
  const profiles = new Map((await deps.repos.users.profiles(page.items.map((h) => h.userId))).map((u) => [u.id, u]))
  return {
    scope: { id: scope.id, name: scope.name },
    items: page.items.map((h) => ({ userId: h.userId, name: h.name || profiles.get(h.userId)?.name || '', phone: maskPhone(profiles.get(h.userId)?.phone) })),
    nextCursor: encodeCursor(deps.cursorSecret, list, page.next ? { next: page.next } : undefined),
  }
}
