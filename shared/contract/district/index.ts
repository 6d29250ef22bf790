export * from './categories'
export * from './departments'
export * from './grids'
