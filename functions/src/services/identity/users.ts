import { DomainError, type User } from '@linli/shared'
import { userIdFor } from '../../adapters/ids'
import type { Binding, Caller, IdentityDeps } from './ports'

/** Sign-in: wx.login code → code2Session → our user (created on first sign-in) → our session token. */
export async function login(deps: IdentityDeps, code: string) {
  const { openid } = await deps.wechat.code2Session(code)
  const userId = userIdFor(openid, deps.idSalt)
  await deps.repos.users.ensure({ id: userId, districtId: deps.defaultDistrictId, name: `居民${userId.slice(-4)}`, openid })
  const caller = await loadCaller(deps, userId)
  if (caller.user.openid !== openid) await deps.repos.users.setOpenid(userId, openid)
  const claims = { userId, districtId: caller.user.districtId, sessionId: deps.newId(), generation: caller.user.sessionGeneration ?? 0 }
  const session = await deps.tokens.sign(claims, deps.clock())
  return { ...session, user: await userView(deps, caller) }
}

/** Sign-out ends the user's sessions on every device: one WeChat account, usually one phone (README "Sessions"). */
export async function logout(deps: IdentityDeps, caller: Caller) {
  await deps.repos.users.endSessions(caller.user.id)
  return { ended: true as const }
}

/** The caller with roles read from our records: nothing about roles is taken from the client or the token. */
export async function loadCaller(deps: IdentityDeps, userId: string): Promise<Caller> {
  const found = await deps.repos.users.getWithRoles(userId)
  if (!found) throw new DomainError('auth.invalidToken')
  return { user: found.user, roles: found.roles.filter((r) => r.districtId === found.user.districtId) }
}

/** A visitor who has not signed in: a guest of the deployment's district, without roles or a record of their own. */
export const guestCaller = (deps: IdentityDeps): Caller => ({ user: { id: 'guest', districtId: deps.defaultDistrictId, name: '访客' }, roles: [], guest: true })

/** Everyone is a resident of their district; staff bindings follow. */
export async function userView(deps: IdentityDeps, caller: Caller): Promise<User> {
  const { district } = await deps.catalogue(caller.user.districtId)
  const resident: Binding = { role: 'resident', scopeId: district.id, scopeName: district.name, districtId: district.id }
  return {
    id: caller.user.id,
    name: caller.user.name,
    districtId: caller.user.districtId,
    roles: [resident, ...caller.roles].map(({ role, scopeId, scopeName }) => ({ role, scopeId, scopeName })),
  }
}
