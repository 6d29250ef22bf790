import { DomainError, type Role } from '@linli/shared'
import { newInviteCode } from '../../adapters/ids'
import type { Caller } from './ports'
import type { Deps } from '../deps'
import type { Catalogue } from '../district/ports'
import { resolveScope } from './scopes'
import { loadCaller, userView } from './users'

/** An admin invites staff into a scope of the admin's own district (the route's permission: a district admin). */
export async function createInvite(deps: Deps, caller: Caller, input: { role: string; scopeId: string; expiresInHours: number; note?: string }) {
  const role = input.role as Role
  const holds = (c: Catalogue) => [...c.nodes, ...c.departments, ...c.rooms].some((x) => x.id === input.scopeId)
  const scope = resolveScope(await deps.catalogue(caller.user.districtId, holds), role, input.scopeId)
  const expiresAt = new Date(deps.clock().getTime() + input.expiresInHours * 3600_000).toISOString()
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = newInviteCode()
    const created = await deps.repos.invites.create({
      code,
      districtId: caller.user.districtId,
      role,
      ...scope,
      note: input.note,
      createdBy: caller.user.id,
      expiresAt,
    })
    if (created) return { code, role, ...scope, expiresAt }
  }
  throw new Error('could not draw a free invite code in 5 attempts')
}

/** Single use, expiring, race-safe: the transaction in the repository decides who wins. */
export async function redeemInvite(deps: Deps, caller: Caller, code: string) {
  const invite = await deps.repos.invites.get(caller.user.districtId, code)
  if (!invite) throw new DomainError('invite.notFound', [{ path: 'code', message: '邀请码不存在' }])
  if (caller.roles.some((r) => r.role === invite.role && r.scopeId === invite.scopeId)) throw new DomainError('invite.alreadyHasRole')
  const binding = { role: invite.role, scopeId: invite.scopeId, scopeName: invite.scopeName, districtId: invite.districtId }
  const outcome = await deps.repos.invites.redeem(code, caller.user.id, caller.user.name, caller.user.districtId, binding, deps.clock())
  if (outcome === 'notFound') throw new DomainError('invite.notFound', [{ path: 'code', message: '邀请码不存在' }])
  if (outcome === 'used') throw new DomainError('invite.used', [{ path: 'code', message: '邀请码已被使用' }])
  if (outcome === 'expired') throw new DomainError('invite.expired', [{ path: 'code', message: '邀请码已过期' }])
  return userView(deps, await loadCaller(deps, caller.user.id))
}
