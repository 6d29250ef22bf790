import { recordSubscription } from './subscriptions'

export const notifyRoutes = { subscriptionsRecord: recordSubscription } as const
