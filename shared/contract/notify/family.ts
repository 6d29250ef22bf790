/**
 * This family's part of the contract, as shared/families.ts composes it: its routes (by handler name), its error codes,
 * its permission actions (DESIGN.md §2) and its rows of the access matrix.
 */
import { listSubscriptions, recordSubscription } from './subscriptions'
import { rule, type Permission } from '../../domain/permission-rules'
import { signedIn, type RouteAccess } from '../../domain/access'

export const routes = { subscriptionsRecord: recordSubscription, subscriptionsList: listSubscriptions } as const

export const errors = {} as const

export const permissions = {
  'subscriptions.record': rule.signedIn,
  'subscriptions.read': rule.signedIn,
} as const satisfies Record<string, Permission>

export const access = {
  subscriptionsRecord: signedIn(200),
  subscriptionsList: signedIn(200),
} as const satisfies Record<string, RouteAccess>
