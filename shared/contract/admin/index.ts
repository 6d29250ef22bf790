export * from './catalogue'
export * from './grids'
export * from './staff'
