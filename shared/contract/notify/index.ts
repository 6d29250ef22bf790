import { listSubscriptions, recordSubscription } from './subscriptions'

export const notifyRoutes = { subscriptionsRecord: recordSubscription, subscriptionsList: listSubscriptions } as const
