export * from './catalogue'
export * from './grids'
