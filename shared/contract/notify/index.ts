export * from './subscriptions'
