import { DomainError, type Role } from '@linli/shared'
import { newInviteCode } from '../../adapters/ids'
import type { Caller, IdentityDeps } from './ports'
import type { RevokedRole } from '../../family'
import { outboxEvent } from '../../notify/outbox'
import type { Catalogue } from '../district/ports'
import { resolveScope } from './scopes'
import { loadCaller, userView } from './users'
import { enforce, type Limit } from './limits'

/** An admin invites staff into a scope of the admin's own district (the route's permission: a district admin). */
export async function createInvite(deps: IdentityDeps, caller: Caller, input: { role: string; scopeId: string; expiresInHours: number; note?: string }) {
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

/** Invite codes one user may try in an hour: enough for typos, far too few to guess a code. */
export const REDEEM_LIMIT: Limit = { name: 'invites.redeem', label: '使用邀请码', hour: 10, code: 'invite.rateLimited' }

/** Single use, expiring, race-safe: the transaction in the repository decides who wins. Rate-limited per user. */
export async function redeemInvite(deps: IdentityDeps, caller: Caller, code: string) {
  await enforce(deps, caller.user.id, REDEEM_LIMIT)
  const invite = await deps.repos.invites.get(caller.user.districtId, code)
  if (!invite) throw new DomainError('invite.notFound', [{ path: 'code', message: '邀请码不存在' }])
  if (caller.roles.some((r) => r.role === invite.role && r.scopeId === invite.scopeId)) throw new DomainError('invite.alreadyHasRole')
  // Separation of duties: whoever issues staff roles cannot give one to themselves (an admin as gridworker would read
  // any roster unmasked); another admin's invite is needed.
  if (invite.createdBy === caller.user.id)
    throw new DomainError('invite.ownInvite', [{ path: 'code', message: '不能使用自己创建的邀请码，请由其他管理员邀请' }])
  const binding = { role: invite.role, scopeId: invite.scopeId, scopeName: invite.scopeName, districtId: invite.districtId }
  const outcome = await deps.repos.invites.redeem(code, caller.user.id, caller.user.name, caller.user.districtId, binding, deps.clock())
  if (outcome === 'notFound') throw new DomainError('invite.notFound', [{ path: 'code', message: '邀请码不存在' }])
  if (outcome === 'used') throw new DomainError('invite.used', [{ path: 'code', message: '邀请码已被使用' }])
  if (outcome === 'expired') throw new DomainError('invite.expired', [{ path: 'code', message: '邀请码已过期' }])
  return userView(deps, await loadCaller(deps, caller.user.id))
}

/**
 * An admin takes a staff role back; the holder's sessions end with it, and in the same write an outbox event hands
 * their work back (families.ts `roleFanOut`: each family's part, page by page). Someone else's district, or no such
 * binding → 404.
 */
export async function revokeRole(deps: IdentityDeps, caller: Caller, p: { id: string; role: Role; scopeId: string }) {
  if (p.id === caller.user.id) throw new DomainError('role.self')
  const notFound = () => new DomainError('role.notFound', [{ path: 'role', message: '该人员没有这个角色' }])
  const holder = await deps.repos.users.getWithRoles(p.id)
  const held =
    holder?.user.districtId === caller.user.districtId &&
    holder.roles.some((r) => r.role === p.role && r.scopeId === p.scopeId && r.districtId === caller.user.districtId)
  if (!held) throw notFound()
  const revoked: RevokedRole = { districtId: caller.user.districtId, userId: p.id, userName: holder.user.name, role: p.role, scopeId: p.scopeId }
  const event = outboxEvent(deps, revoked.districtId, { kind: 'role', id: p.id }, 'revoked', { ...revoked })
  if (!(await deps.repos.users.revokeRole(p.id, p, event))) throw notFound()
  return { revoked: true as const }
}
