export * from './cases'
export * from './reports'
