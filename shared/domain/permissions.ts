/**
 * Whether a caller may: the permission table (each family's actions, composed in shared/families.ts) read for a
 * caller's bindings. The rules themselves: ./permission-rules.ts.
 */
import type { Role } from './roles'
import { permissions } from '../families'
import type { Permission } from './permission-rules'
import type { RouteSpec } from '../contract/route'

export { permissions }
export type Action = keyof typeof permissions

export interface HeldBinding {
  role: Role
  scopeId: string
}

/**
 * Whether bindings allow `action` (on `scopeId` for scoped rules; `record` rules are the service's to finish).
 * `districtId` is the caller's district: every signed-in caller is a resident of it.
 */
export function permits(bindings: readonly HeldBinding[], districtId: string | undefined, action: Action, scopeId?: string): boolean {
  const p: Permission = permissions[action]
  if (p.roles === 'anyone') return true
  if (!districtId) return false
  const roles = p.roles
  const held = [{ role: 'resident' as Role, scopeId: districtId }, ...bindings].filter((b) => roles.includes(b.role))
  switch (p.scope) {
    case 'none':
    case 'record':
      return held.length > 0
    case 'district':
      return held.some((b) => b.scopeId === districtId)
    default:
      return scopeId === undefined ? held.length > 0 : held.some((b) => b.scopeId === scopeId)
  }
}

/** The scopes in which bindings allow a scoped action (e.g. the queues a dispatcher may read). */
export const scopesFor = (bindings: readonly HeldBinding[], action: Action): string[] => {
  const p: Permission = permissions[action]
  return p.roles === 'anyone' ? [] : bindings.filter((b) => (p.roles as readonly Role[]).includes(b.role)).map((b) => b.scopeId)
}

/** Whether a route needs a signed-in caller: every action but those open to anyone. */
export const needsSession = (route: Pick<RouteSpec, 'action'>) => permissions[route.action as Action].roles !== 'anyone'
export type NeedsSession<S extends RouteSpec> = S['action'] extends Action ? ((typeof permissions)[S['action']]['roles'] extends 'anyone' ? false : true) : true
/** Whether a route also answers a visitor who has not signed in (as a guest of the deployment's district). */
export const allowsGuests = (route: Pick<RouteSpec, 'action'>) => 'guests' in permissions[route.action as Action]
