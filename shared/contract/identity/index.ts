export * from './auth'
export * from './invites'
