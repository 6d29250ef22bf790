/** The API contract's building blocks; the routes themselves are each family's, composed in shared/families.ts. */
export * from './route'
export * from './common'
export * from './openapi'
