/** The identity family's records and the storage it needs (DESIGN.md §2 rule 8: ports are interfaces). */
import type { DepsOf } from '../deps'
import type { Role } from '@linli/shared'
import type { OutboxEvent } from '../../notify/ports'

export interface UserRecord {
  id: string
  districtId: string
  name: string
  phone?: string
  /** Server-side only: the address of subscribe messages. Never in an answer. */
  openid?: string
  /** Tokens signed at an older generation are ended (a logout, a role taken back); 0 when never moved. */
  sessionGeneration?: number
}

export interface Binding {
  role: Role
  scopeId: string
  scopeName: string
  districtId: string
}

export interface Caller {
  user: UserRecord
  roles: Binding[]
  /** A visitor who has not signed in, reading the public face of the deployment's district (no user record behind it). */
  guest?: true
}

export interface InviteRecord {
  code: string
  districtId: string
  role: Role
  scopeId: string
  scopeName: string
  note?: string
  createdBy: string
  expiresAt: string
  usedBy?: string
  usedAt?: string
}

export type RedeemOutcome = 'redeemed' | 'notFound' | 'used' | 'expired'

export interface UsersRepo {
  getWithRoles(userId: string): Promise<{ user: UserRecord; roles: Binding[] } | undefined>
  ensure(user: UserRecord): Promise<void>
  put(user: UserRecord): Promise<void>
  setOpenid(userId: string, openid: string): Promise<void>
  putRole(userId: string, binding: Binding, grantedBy: string, userName?: string): Promise<void>
  removeRole(userId: string, binding: Pick<Binding, 'role' | 'scopeId'>): Promise<void>
  /** Ends every session of the user (their generation moves on). */
  endSessions(userId: string): Promise<void>
  /** Takes a binding back, ends the holder's sessions and writes the event that hands their work back, in one transaction; false when there was no such binding. */
  revokeRole(userId: string, binding: Pick<Binding, 'role' | 'scopeId'>, event: OutboxEvent): Promise<boolean>
  /** Counts an attempt at a limited action in a window; false once `max` were made. */
  attempt(userId: string, action: string, window: string, max: number, expiresAt: Date): Promise<boolean>
  /** The profiles of these users (at most 100), those that exist. */
  profiles(userIds: readonly string[]): Promise<UserRecord[]>
  /** Which of these people hold their binding in the district now (at most 100): one batched read, for a send's check. */
  holding(districtId: string, wanted: readonly { userId: string; role: Role; scopeId: string }[]): Promise<Set<string>>
  /** Who holds `role` in a scope of a district, one page at a time. */
  holders(
    districtId: string,
    scopeId: string,
    role: Role,
    page?: { limit: number; after?: string },
  ): Promise<{ items: { userId: string; name: string }[]; next?: string }>
}

export interface InvitesRepo {
  create(invite: InviteRecord): Promise<boolean>
  get(districtId: string, code: string): Promise<InviteRecord | undefined>
  redeem(code: string, userId: string, userName: string, districtId: string, binding: Binding, now: Date): Promise<RedeemOutcome>
}

/** What the identity family's use cases are given: users, invites and sessions. */
export type IdentityDeps = DepsOf<'users' | 'invites', 'catalogue' | 'clock' | 'defaultDistrictId' | 'idSalt' | 'limits' | 'newId' | 'tokens' | 'wechat'>
