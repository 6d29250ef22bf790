export * from './china-time'
export * from './specialties'
export * from './slots'
export * from './lifecycle'
