/** The permission table (shared/domain/permissions.ts) asked for the caller: services never check roles by hand. */
import { DomainError, permits, type Action } from '@linli/shared'
import type { Caller } from './identity/ports'

export const may = (caller: Caller, action: Action, scopeId?: string) => permits(caller.roles, caller.user.districtId, action, scopeId)

export function authorize(caller: Caller, action: Action, scopeId: string | undefined, field: string, message: string): void {
  if (!may(caller, action, scopeId)) throw new DomainError('auth.forbidden', [{ path: field, message }])
}
